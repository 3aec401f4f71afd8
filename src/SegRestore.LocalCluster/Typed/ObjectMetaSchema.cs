using static SegRestore.LocalCluster.Typed.TypedField;

namespace SegRestore.LocalCluster.Typed;

/// <summary>metav1.ObjectMeta: the metadata every kind shares, custom resources included (a real server decodes
/// their metadata into the same struct, so an unknown metadata field is unknown for every kind).</summary>
public static class ObjectMetaSchema
{
    /// <summary>metav1.Time: an RFC 3339 string in JSON.</summary>
    public static readonly TypedField Time = new(TypedKind.Text, "v1.Time");

    public static readonly TypedField OwnerReference = Struct("v1.OwnerReference",
        ("apiVersion", GoString), ("kind", GoString), ("name", GoString), ("uid", GoString),
        ("controller", GoBool), ("blockOwnerDeletion", GoBool));

    public static readonly TypedField ObjectMeta = Struct("v1.ObjectMeta",
        ("name", GoString), ("generateName", GoString), ("namespace", GoString), ("selfLink", GoString), ("uid", GoString),
        ("resourceVersion", GoString), ("generation", GoInt64), ("creationTimestamp", Time),
        ("deletionTimestamp", Time), ("deletionGracePeriodSeconds", GoInt64),
        ("labels", StringMap), ("annotations", StringMap), ("ownerReferences", ListOf(OwnerReference)),
        ("finalizers", StringList), ("managedFields", ListOf(Opaque("v1.ManagedFieldsEntry"))));
}
