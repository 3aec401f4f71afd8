using System.Text.Json;
using System.Text.Json.Nodes;
using SegRestore.Api.Chain;
using SegRestore.Api.Crd;
using SegRestore.Api.Models;
using SegRestore.Api.Schema;
using SegRestore.Api.Serialization;
using SegRestore.Cli.Yaml;
using YamlDotNet.Core;

namespace SegRestore.Cli.Validation;

/// <summary>
/// `segrestore validate` without I/O: what the API server's schema check and then the operator's chain rules would say
/// about a set of manifests applied together. Each namespace's segments form one view, exactly what the operator's
/// informer would hold. Offline nothing has run, so "the predecessor has not succeeded yet" (PredecessorIncomplete)
/// is the normal state of every later segment and is not reported.
/// </summary>
public static class ManifestValidator
{
    private static readonly JsonSerializerOptions Json = SegRestoreJsonContext.Default.Options;
    private static readonly Lazy<JsonSchemaProps> Schema = new(CrdGenerator.RootSchema);

    /// <summary>Parses YAML text into documents; a syntax error becomes a problem instead.</summary>
    public static (IReadOnlyList<ManifestDocument> Documents, ManifestProblem? Error) Parse(string file, string yaml)
    {
        try
        {
            return (YamlJson.ParseDocuments(yaml).Select(json => new ManifestDocument(file, json)).ToList(), null);
        }
        catch (YamlException e)
        {
            return ([], new ManifestProblem(file, "-", ManifestProblem.ParseError,
                $"line {e.Start.Line}, column {e.Start.Column}: {e.Message}; fix the YAML syntax", IsError: true));
        }
    }

    /// <summary>
    /// The problems of <paramref name="documents"/> applied together. With <paramref name="live"/> (the segments a
    /// cluster already holds, with their status) each namespace's view is what the operator would see after the
    /// apply: the live segments, each replaced by a manifest of the same name. A manifest without a namespace goes to
    /// <paramref name="defaultNamespace"/>. Only the manifests are judged; a manifest that would change the spec of a
    /// live segment that has started is refused, as the API server refuses it.
    /// </summary>
    public static IReadOnlyList<ManifestProblem> Validate(
        IReadOnlyList<ManifestDocument> documents, IReadOnlyList<PointRestoreSegment>? live = null, string defaultNamespace = "default")
    {
        ArgumentNullException.ThrowIfNull(documents);
        var problems = new List<ManifestProblem>();
        var segments = new List<(string File, PointRestoreSegment Segment)>();
        foreach (var document in documents)
        {
            if (Admit(document, problems) is { } segment)
            {
                segments.Add((document.File, segment));
            }
        }

        string NamespaceOf(PointRestoreSegment segment) => segment.Metadata.NamespaceProperty ?? defaultNamespace;
        var liveByNamespace = (live ?? []).ToLookup(NamespaceOf, StringComparer.Ordinal);
        foreach (var group in segments.GroupBy(s => NamespaceOf(s.Segment), StringComparer.Ordinal))
        {
            var applied = group.Select(s => s.Segment.Metadata.Name).ToHashSet(StringComparer.Ordinal);
            var current = liveByNamespace[group.Key].ToDictionary(s => s.Metadata.Name ?? "", StringComparer.Ordinal);
            var members = current.Values.Where(s => !applied.Contains(s.Metadata.Name)).Select(ChainMember.From)
                .Concat(group.Select(s => Applied(s.Segment, current))).ToList();
            foreach (var (file, segment) in group)
            {
                var self = members.First(m => m.Name == segment.Metadata.Name);
                if (current.GetValueOrDefault(self.Name) is { } existing && ChainMember.From(existing).HasStarted
                    && SpecFingerprint.Compute(existing.Spec) != SpecFingerprint.Compute(segment.Spec))
                {
                    problems.Add(new ManifestProblem(file, self.Name, ManifestProblem.SchemaViolation,
                        $"segment '{self.Name}' in namespace '{group.Key}' has started (phase {existing.Status?.Phase}); its spec is " +
                        "immutable, only spec.hold and spec.retry may change (the API server refuses this manifest): apply the " +
                        "corrected segment under a new name, which replaces it in the chain (docs/chain-rules.md, Replacement)",
                        IsError: true));
                    continue;
                }

                var evaluation = ChainRules.Evaluate(self, new ChainView(ChainNeighbourhood.Select(self, members), Runtime: new RuntimeFacts(Now: DateTimeOffset.UtcNow)));
                if (evaluation.Reason is { } reason && reason != ChainReason.PredecessorIncomplete)
                {
                    problems.Add(new ManifestProblem(file, self.Name, reason.ToString(), evaluation.Message,
                        IsError: evaluation.Outcome is ChainOutcome.Invalid or ChainOutcome.Failed));
                }
            }
        }

        return problems;
    }

    /// <summary>A manifest as the operator would hold it after the apply: its spec, with the live segment's uid and
    /// status when one of that name exists (an apply updates the object; it does not create another).</summary>
    private static ChainMember Applied(PointRestoreSegment manifest, Dictionary<string, PointRestoreSegment> current)
    {
        var member = ChainMember.From(manifest);
        return current.GetValueOrDefault(member.Name) is { } existing
            ? member with { Uid = existing.Metadata.Uid, Phase = existing.Status?.Phase, RestoredTs = existing.Status?.RestoredTs }
            : member;
    }

    /// <summary>The namespaces the PointRestoreSegment documents go to (one without a namespace goes to
    /// <paramref name="defaultNamespace"/>); other kinds in the same files are not the validator's.</summary>
    public static IReadOnlyList<string> SegmentNamespaces(IReadOnlyList<ManifestDocument> documents, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return [.. documents.Where(IsSegment)
            .Select(d => d.Json?["metadata"]?["namespace"] is JsonValue ns && ns.GetValueKind() == JsonValueKind.String ? ns.GetValue<string>() : defaultNamespace)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static bool IsSegment(ManifestDocument document) =>
        document.Json is JsonObject obj
        && obj["kind"]?.GetValueKind() == JsonValueKind.String
        && obj["kind"]!.GetValue<string>() == PointRestoreSegment.KindName;

    // What the API server does before the operator sees anything: kind, name, duplicate names, the CRD schema.
    private static PointRestoreSegment? Admit(ManifestDocument document, List<ManifestProblem> problems)
    {
        if (!IsSegment(document) || document.Json is not JsonObject obj)
        {
            return null;
        }

        var name = obj["metadata"]?["name"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(new ManifestProblem(document.File, "-", ManifestProblem.SchemaViolation,
                "metadata.name is missing; give every PointRestoreSegment a name", IsError: true));
            return null;
        }

        var errors = StructuralSchemaValidator.Validate(obj, Schema.Value);
        if (obj["apiVersion"]?.ToString() != PointRestoreSegment.GroupVersion)
        {
            errors = [.. errors, $"apiVersion: \"{obj["apiVersion"]}\" must be {PointRestoreSegment.GroupVersion}"];
        }

        if (errors.Count > 0)
        {
            problems.AddRange(errors.Select(error => new ManifestProblem(document.File, name, ManifestProblem.SchemaViolation,
                error + " (the API server refuses this manifest)", IsError: true)));
            return null;
        }

        try
        {
            return obj.Deserialize<PointRestoreSegment>(Json);
        }
        catch (JsonException e)
        {
            problems.Add(new ManifestProblem(document.File, name, ManifestProblem.SchemaViolation, e.Message, IsError: true));
            return null;
        }
    }
}
