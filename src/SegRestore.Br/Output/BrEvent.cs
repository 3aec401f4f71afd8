namespace SegRestore.Br.Output;

/// <summary>Something BR said: the raw text always, the parsed log record when the text was one.</summary>
public abstract record BrEvent(string Raw, BrLogRecord? Record);
