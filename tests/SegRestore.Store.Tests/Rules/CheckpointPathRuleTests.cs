using SegRestore.Store.Rules;

namespace SegRestore.Store.Tests.Rules;

public sealed class CheckpointPathRuleTests
{
    [Theory]
    [InlineData("checkpoints/a.meta", null)]
    [InlineData("pitr_id_maps/pitr_id_map.cluster_id:1.restored_ts:2", null)]
    [InlineData("a", null)]
    [InlineData("", "must not be empty")]
    [InlineData("/abs", "no leading '/'")]
    [InlineData("a/../b", "'..'")]
    [InlineData("./a", "'.'")]
    [InlineData("a//b", "empty")]
    [InlineData("a/", "empty")]
    [InlineData("a\\b", "backslashes")]
    public void Checkpoint_paths_must_stay_inside_the_checkpoint_directory(string path, string? problem)
    {
        var result = CheckpointPathRule.Check(path);

        if (problem is null)
        {
            result.Should().BeNull();
        }
        else
        {
            result.Should().Contain(problem);
        }
    }

    [Fact]
    public void A_path_longer_than_the_limit_is_refused()
    {
        CheckpointPathRule.Check(new string('a', CheckpointPathRule.MaxLength + 1)).Should().Contain("at most");
        CheckpointPathRule.Check(new string('a', CheckpointPathRule.MaxLength)).Should().BeNull();
    }
}
