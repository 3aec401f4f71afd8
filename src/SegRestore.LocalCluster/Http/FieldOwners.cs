using Microsoft.AspNetCore.Http;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Http;

/// <summary>The field manager of a request, as the API server derives it: the <c>fieldManager</c> query, else the
/// product name of the User-Agent (<c>kubectl-client-side-apply/v1.32.0 (linux/amd64) ...</c> ->
/// <c>kubectl-client-side-apply</c>); an apply must name it and only an apply may send <c>force</c>.</summary>
public static class FieldOwners
{
    public const int FieldManagerMaxLength = 128;

    /// <summary>The owner of a create or update (which have no <c>force</c>).</summary>
    public static FieldOwner Of(HttpRequest request) =>
        Decide(request.Query["fieldManager"].FirstOrDefault(), null, request.Headers.UserAgent.FirstOrDefault(), apply: false);

    /// <summary>The owner of a patch, an apply when <paramref name="apply"/>.</summary>
    public static FieldOwner OfPatch(HttpRequest request, bool apply) =>
        Decide(request.Query["fieldManager"].FirstOrDefault(), request.Query["force"].FirstOrDefault(),
            request.Headers.UserAgent.FirstOrDefault(), apply);

    /// <summary>The pure rule behind <see cref="Of"/> and <see cref="OfPatch"/>.</summary>
    public static FieldOwner Decide(string? fieldManager, string? force, string? userAgent, bool apply)
    {
        if (apply && string.IsNullOrEmpty(fieldManager))
        {
            throw StatusErrors.InvalidOptions("PatchOptions",
                new FieldError("FieldValueRequired", "fieldManager", "Required value: is required for apply patch"));
        }

        if (!apply && force is not null)
        {
            throw StatusErrors.InvalidOptions("PatchOptions",
                new FieldError("FieldValueForbidden", "force", "Forbidden: may not be specified for non-apply patch"));
        }

        if (fieldManager is { Length: > FieldManagerMaxLength })
        {
            throw StatusErrors.InvalidOptions(apply ? "PatchOptions" : "UpdateOptions",
                new FieldError("FieldValueTooLong", "fieldManager", $"Too long: may not be more than {FieldManagerMaxLength} bytes"));
        }

        var manager = string.IsNullOrEmpty(fieldManager) ? (userAgent ?? "").Split('/')[0] : fieldManager;
        return new FieldOwner(manager.Length == 0 ? "unknown" : manager, apply && QueryFlag.IsTrue(force));
    }
}
