namespace SegRestore.Operator.Controller;

/// <summary>Where an attempt's BR checkpoint lives: the chain's claim (<see cref="ClaimName"/>), an emptyDir (null), or
/// nowhere yet (<see cref="Wait"/> says why the launch waits).</summary>
public sealed record ClaimPlan(string? ClaimName, string? Wait = null)
{
    public static ClaimPlan EmptyDir { get; } = new(ClaimName: null);

    public static ClaimPlan Waiting(string why) => new(ClaimName: null, Wait: why);
}
