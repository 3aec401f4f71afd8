using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SegRestore.Reporter.Contract.Protos;

namespace SegRestore.Worker.Reporting;

/// <summary>
/// Pure: the fallback result for Kubernetes' termination message (at most 4 KiB, the kubelet's limit), used when
/// the operator could not be reached before the deadline. Long texts are cut, never the JSON.
/// </summary>
public static class TerminationMessage
{
    public const int MaxBytes = 4096;

    public static string Build(ResultReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var excerpt = report.ErrorExcerpt ?? string.Empty;
        var remediation = report.Remediation ?? string.Empty;
        while (true)
        {
            var json = Render(report, excerpt, remediation);
            if (Encoding.UTF8.GetByteCount(json) <= MaxBytes)
            {
                return json;
            }

            if (excerpt.Length > 0)
            {
                excerpt = excerpt.Length > 64 ? excerpt[(excerpt.Length / 4)..] : string.Empty; // keep the newest lines
            }
            else if (remediation.Length > 0)
            {
                remediation = remediation.Length > 64 ? remediation[..(remediation.Length * 3 / 4)] : string.Empty;
            }
            else
            {
                return Render(new ResultReport { Attempt = report.Attempt, Succeeded = report.Succeeded, ExitCode = report.ExitCode, FailureReason = report.FailureReason }, string.Empty, string.Empty);
            }
        }
    }

    private static string Render(ResultReport report, string excerpt, string remediation)
    {
        var node = new JsonObject
        {
            ["segmentUid"] = report.Attempt?.SegmentUid,
            ["attempt"] = report.Attempt?.Attempt,
            ["succeeded"] = report.Succeeded,
            ["exitCode"] = report.ExitCode,
            ["delivered"] = false,
        };
        if (report.Succeeded && report.Summary is { } s)
        {
            node["restoredTs"] = s.RestoredTs.ToString(System.Globalization.CultureInfo.InvariantCulture);
            node["totalKvCount"] = s.TotalKvCount;
            node["skippedKvCountByCheckpoint"] = s.SkippedKvCountByCheckpoint;
        }

        if (!report.Succeeded)
        {
            node["reason"] = report.FailureReason;
            node["permanent"] = report.Permanent;
            node["remediation"] = remediation;
            node["errorExcerpt"] = excerpt;
        }

        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
