using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Programs;

/// <summary>Operators' work on programs and calls: create, change, publish, copy, attach files.</summary>
public sealed class CallService(HubDb db, DocumentStore documents, TimeProvider clock)
{
    public async Task<SupportProgram> CreateProgramAsync(ProgramKind kind, string nameKo, string nameEn, string? summaryKo,
        string? summaryEn, CancellationToken ct = default)
    {
        var program = SupportProgram.Create(kind, nameKo.Trim(), nameEn.Trim(), summaryKo, summaryEn, clock.GetUtcNow());
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);
        return program;
    }

    public async Task<Call> CreateAsync(Guid programId, CallText text, CallTerms terms, CallDesign design, CancellationToken ct = default)
    {
        if (!await db.Programs.AnyAsync(p => p.Id == programId, ct))
        {
            throw new RuleException("Programs.Call.Error.NoProgram");
        }

        var call = Call.Create(programId, text, terms, design, clock.GetUtcNow());
        db.Calls.Add(call);
        await db.SaveChangesAsync(ct);
        return call;
    }

    /// <summary>Changes a call. Once applications exist its design is fixed (answers and scores refer to its keys).</summary>
    public async Task UpdateAsync(Guid callId, CallText text, CallTerms terms, CallDesign design, CancellationToken ct = default)
    {
        var call = await db.Calls.FirstAsync(c => c.Id == callId, ct);
        if (await db.Applications.AnyAsync(a => a.CallId == callId && a.Status != ApplicationStatus.Draft, ct) &&
            System.Text.Json.JsonSerializer.Serialize(call.Design, JsonColumn.Options) != System.Text.Json.JsonSerializer.Serialize(design,
            JsonColumn.Options))
        {
            throw new RuleException("Programs.Call.Error.DesignFixed");
        }

        call.Update(text, terms, design);
        await db.SaveChangesAsync(ct);
    }

    public async Task PublishAsync(Guid callId, CancellationToken ct = default)
    {
        var call = await db.Calls.FirstAsync(c => c.Id == callId, ct);
        call.Publish();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>공고 복사 — a new draft from a past call (its text, terms and design; not its applications).</summary>
    public async Task<Call> CopyAsync(Guid callId, CancellationToken ct = default)
    {
        var source = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == callId, ct);
        var copy = source.Copy(clock.GetUtcNow());
        db.Calls.Add(copy);
        await db.SaveChangesAsync(ct);
        return copy;
    }

    public async Task<string?> AttachAsync(Guid callId, IFormFile file, CancellationToken ct = default)
    {
        var (stored, error) = await documents.SaveAsync(file, ct);
        if (stored is null)
        {
            return error;
        }

        db.CallAttachments.Add(CallAttachment.Create(callId, stored));
        await db.SaveChangesAsync(ct);
        return null;
    }
}
