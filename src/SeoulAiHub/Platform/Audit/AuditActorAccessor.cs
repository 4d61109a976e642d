using System.Security.Claims;
using SeoulAiHub.Platform.Authorization;

namespace SeoulAiHub.Platform.Audit;

/// <summary>Reads the acting person from the current request; outside a request the actor is the system.</summary>
public sealed class AuditActorAccessor(IHttpContextAccessor http)
{
    public AuditActor Current
    {
        get
        {
            var context = http.HttpContext;
            if (context is null)
            {
                return AuditActor.System;
            }

            var ip = context.Connection.RemoteIpAddress?.ToString();
            var user = context.User;
            return user.Identity?.IsAuthenticated == true
                ? new AuditActor(user.UserId(), user.FindFirstValue(ClaimTypes.Name) ?? "?", ip)
                : new AuditActor(null, "anonymous", ip);
        }
    }
}
