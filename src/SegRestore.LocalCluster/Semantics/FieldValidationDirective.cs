namespace SegRestore.LocalCluster.Semantics;

/// <summary>The <c>fieldValidation</c> query parameter of create, update and patch.</summary>
public enum FieldValidationDirective
{
    /// <summary>Unknown and duplicate fields fail the request with 400 BadRequest (kubectl's default).</summary>
    Strict,

    /// <summary>They are dropped and each is named in a <c>Warning</c> header (the server's default since 1.27).</summary>
    Warn,

    /// <summary>They are dropped silently.</summary>
    Ignore,
}
