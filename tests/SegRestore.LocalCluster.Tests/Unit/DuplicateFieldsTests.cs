using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>Repeated keys of a request body, with the paths the API server's strict decoder names.</summary>
public sealed class DuplicateFieldsTests
{
    public static TheoryData<string, string[]> Bodies => new()
    {
        { """{"spec":{"replicas":2,"replicas":3}}""", ["spec.replicas"] },
        { """{"a":1,"a":2,"a":3}""", ["a", "a"] },
        { """{"spec":{"containers":[{"name":"a"},{"name":"b","name":"c"}]}}""", ["spec.containers[1].name"] },
        { """{"metadata":{"labels":{"x":"1","x":"2"}},"spec":{"x":1}}""", ["metadata.labels.x"] },
        { """{"spec":{"a":{"b":1},"a":{"b":2}}}""", ["spec.a"] },
        { """{"items":[[{"k":1,"k":2}]]}""", ["items[0][0].k"] },
        { """{"spec":{"x":1},"status":{"x":1}}""", [] },
        { """[{"op":"add"},{"op":"add"}]""", [] },
        { """{"broken": """, [] },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Repeated_keys_are_found_with_their_paths(string json, string[] expected) =>
        DuplicateFields.Find(json).Should().Equal(expected);
}
