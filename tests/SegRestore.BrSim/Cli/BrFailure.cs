namespace SegRestore.BrSim.Cli;

/// <summary>An error BR would return: the text ends up in `["br failed"] [error="..."]` and the exit code is 1.</summary>
public sealed class BrFailure : Exception
{
    public BrFailure()
    {
    }

    public BrFailure(string message) : base(message)
    {
    }

    public BrFailure(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>BR's berrors.ErrInvalidArgument annotated with a message: "message: [BR:Common:ErrInvalidArgument]invalid argument".</summary>
    public static BrFailure InvalidArgument(string message) => new(message + ": [BR:Common:ErrInvalidArgument]invalid argument");
}
