namespace SegRestore.BrSim.Cli;

/// <summary>An error BR would return: the text ends up in `["br failed"] [error="..."]` and the exit code is 1.</summary>
public sealed class BrErrorException : Exception
{
    public BrErrorException()
    {
    }

    public BrErrorException(string message) : base(message)
    {
    }

    public BrErrorException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>BR's berrors.ErrInvalidArgument annotated with a message: "message: [BR:Common:ErrInvalidArgument]invalid argument".</summary>
    public static BrErrorException InvalidArgument(string message) => new(message + ": [BR:Common:ErrInvalidArgument]invalid argument");
}
