using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using SegRestore.Br.Protos;
using SegRestore.Br.State;

namespace SegRestore.Br.Tests.State;

/// <summary>
/// Issue 11 "Hostile input": the JSON payload inside a well-formed SegmentedPiTRState (which random protobuf bytes
/// almost never reach) with any shape and any values decodes or fails with <see cref="SegmentedStateDecodeException"/>.
/// </summary>
public class SegmentedStatePayloadHostileInputTests
{
    private static readonly string[] Keys =
    [
        SegmentedStateJsonKeys.TiFlashItems, SegmentedStateJsonKeys.IngestRecorder, SegmentedStateJsonKeys.IngestItems,
        SegmentedStateJsonKeys.Count, SegmentedStateJsonKeys.LocationLabels, SegmentedStateJsonKeys.Available,
        SegmentedStateJsonKeys.AvailablePartitionIds, SegmentedStateJsonKeys.IsPrimary,
        "1", "-1", "9223372036854775808", "0x1", " 7", "", "é",
    ];

    private static readonly string[] Scalars =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e400", "18446744073709551616", "-9223372036854775809", "\"\"", "\"x\"", "\"\\u0000\"",
    ];

    [Fact]
    public void Any_json_payload_decodes_or_fails_with_a_decode_error_only()
    {
        Prop.ForAll(Json(4).ToArbitrary(), json =>
        {
            var state = new SegmentedPiTRState { SegmentedPitrStateVer = 1, SegmentedPitrState = ByteString.CopyFromUtf8(json) };
            try
            {
                SegmentedStateDecoder.DecodeSegmentedState(state.ToByteArray());
            }
            catch (SegmentedStateDecodeException)
            {
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    /// <summary>JSON text built from the payload's own keys and awkward scalars, nested up to <paramref name="depth"/>;
    /// sometimes cut short so the text is not JSON at all.</summary>
    private static Gen<string> Json(int depth)
    {
        var scalar = Gen.Elements(Scalars);
        if (depth == 0)
        {
            return scalar;
        }

        var inner = Json(depth - 1);
        var member = from key in Gen.Elements(Keys)
                     from value in inner
                     select $"\"{key}\":{value}";
        var obj = member.ListOf().Select(m => "{" + string.Join(',', m) + "}");
        var array = inner.ListOf().Select(v => "[" + string.Join(',', v) + "]");
        var whole = Gen.Frequency((2, scalar), (5, obj), (2, array));
        return from text in whole
               from cut in Gen.Frequency((9, Gen.Constant(-1)), (1, Gen.Choose(0, Math.Max(0, text.Length - 1))))
               select cut < 0 ? text : text[..cut];
    }
}
