using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Email;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Account;

/// <summary>
/// Self-registration of learners and organization members. The email must be confirmed before the first
/// sign-in; an organization membership stays pending until an operator approves it.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(HubDb db, UserManager<HubUser> users, EmailOutbox outbox, EmailLinks links,
    TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public static readonly string[] Kinds = [HubRoles.Learner, HubRoles.TenantMember, HubRoles.DemandOrganizationMember];

    [BindProperty] public RegisterInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Kinds.Contains(Input.Kind))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Kind)}", t["Validation.Invalid"]);
        }

        OrganizationInfo? organization = null;
        if (HubRoles.NeedsOrganization(Input.Kind))
        {
            var name = Input.OrganizationName?.Trim() ?? "";
            organization = name.Length == 0 ? null : await db.OrganizationNamedAsync(name, ct);
            if (organization is null)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.OrganizationName)}", t["Register.UnknownOrganization"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = HubUser.Create(Input.Email.Trim(), Input.DisplayName.Trim(), clock.GetUtcNow());
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            created.AddTo(ModelState);
            return Page();
        }

        if (organization is null)
        {
            await users.AddToRoleAsync(user, HubRoles.Learner);
        }
        else
        {
            db.RequestMembership(organization.Id, user.Id, Input.Kind, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.Build("/account/confirm-email", new Dictionary<string, string?>
        {
            ["userId"] = user.Id.ToString(),
            ["code"] = EmailLinks.EncodeToken(token),
        });
        await outbox.EnqueueAsync(user.Email!, t["Email.Confirm.Subject"], t["Email.Confirm.Body", user.DisplayName], link,
            t["Email.Confirm.Link"], ct);
        await transaction.CommitAsync(ct);
        return RedirectToPage("/Account/CheckEmail");
    }
}

public sealed class RegisterInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.DisplayName")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";

    [Display(Name = "Field.Kind")]
    public string Kind { get; set; } = HubRoles.Learner;

    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.OrganizationName")]
    public string? OrganizationName { get; set; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Register.ConsentRequired")]
    [Display(Name = "Field.Consent")]
    public bool Consent { get; set; }
}
