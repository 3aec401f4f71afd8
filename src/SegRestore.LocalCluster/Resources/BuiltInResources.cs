using SegRestore.LocalCluster.Typed;

namespace SegRestore.LocalCluster.Resources;

/// <summary>The built-in kinds LocalCluster serves, with the default Table columns of a real server.</summary>
public static class BuiltInResources
{
    public const string CrdGroup = "apiextensions.k8s.io";

    public const string EventsGroup = "events.k8s.io";

    public static readonly PrinterColumn Age = new("Age", "date", ".metadata.creationTimestamp");

    public static readonly ResourceDefinition Namespaces = new()
    {
        Group = "",
        Version = "v1",
        Plural = "namespaces",
        Singular = "namespace",
        Kind = "Namespace",
        ShortNames = ["ns"],
        Namespaced = false,
        HasStatus = true,
        Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"],
        PrinterColumns = [new("Status", "string", ".status.phase"), Age],
    };

    public static readonly ResourceDefinition Pods = new()
    {
        Group = "",
        Version = "v1",
        Plural = "pods",
        Singular = "pod",
        Kind = "Pod",
        ShortNames = ["po"],
        Categories = ["all"],
        HasStatus = true,
        HasLog = true,
        ReturnsDeletedObject = true,
        TypedSchema = PodSchema.Pod,
        PrinterColumns =
        [
            new("Ready", "string", "#pod-ready"), new("Status", "string", "#pod-status"),
            new("Restarts", "string", "#pod-restarts"), Age,
            new("IP", "string", ".status.podIP", Priority: 1), new("Node", "string", ".spec.nodeName", Priority: 1),
        ],
    };

    public static readonly ResourceDefinition ConfigMaps = new()
    {
        Group = "",
        Version = "v1",
        Plural = "configmaps",
        Singular = "configmap",
        Kind = "ConfigMap",
        ShortNames = ["cm"],
        PrinterColumns = [new("Data", "integer", "#data-count"), Age],
    };

    public static readonly ResourceDefinition Secrets = new()
    {
        Group = "",
        Version = "v1",
        Plural = "secrets",
        Singular = "secret",
        Kind = "Secret",
        PrinterColumns = [new("Type", "string", ".type"), new("Data", "integer", "#data-count"), Age],
    };

    public static readonly ResourceDefinition Events = new()
    {
        Group = "",
        Version = "v1",
        Plural = "events",
        Singular = "event",
        Kind = "Event",
        ShortNames = ["ev"],
        PrinterColumns =
        [
            new("Type", "string", ".type"), new("Reason", "string", ".reason"),
            new("Object", "string", "#involved-object"), new("Message", "string", ".message"),
            new("Count", "integer", ".count", Priority: 1), Age,
        ],
    };

    /// <summary><c>events.k8s.io/v1</c> Events: a view of the core/v1 Event storage (see
    /// <c>EventConversion</c>); the columns are those kubectl shows for events, with the v1 field names.</summary>
    public static readonly ResourceDefinition EventsV1 = new()
    {
        Group = EventsGroup,
        StorageGroup = "",
        Version = "v1",
        Plural = "events",
        Singular = "event",
        Kind = "Event",
        ShortNames = ["ev"],
        PrinterColumns =
        [
            new("Type", "string", ".type"), new("Reason", "string", ".reason"),
            new("Object", "string", "#regarding-object"), new("Message", "string", ".note"),
            new("Count", "integer", ".series.count", Priority: 1), Age,
        ],
    };

    public static readonly ResourceDefinition ServiceAccounts = new()
    {
        Group = "",
        Version = "v1",
        Plural = "serviceaccounts",
        Singular = "serviceaccount",
        Kind = "ServiceAccount",
        ShortNames = ["sa"],
        PrinterColumns = [Age],
    };

    public static readonly ResourceDefinition Services = new()
    {
        Group = "",
        Version = "v1",
        Plural = "services",
        Singular = "service",
        Kind = "Service",
        ShortNames = ["svc"],
        Categories = ["all"],
        HasStatus = true,
        PrinterColumns = [new("Type", "string", ".spec.type"), new("Cluster-IP", "string", ".spec.clusterIP"), Age],
    };

    /// <summary>Columns as <c>kubectl get pvc</c> prints them; STATUS says Terminating while pvc-protection holds
    /// a deleted claim.</summary>
    public static readonly ResourceDefinition PersistentVolumeClaims = new()
    {
        Group = "",
        Version = "v1",
        Plural = "persistentvolumeclaims",
        Singular = "persistentvolumeclaim",
        Kind = "PersistentVolumeClaim",
        ShortNames = ["pvc"],
        HasStatus = true,
        PrinterColumns =
        [
            new("Status", "string", "#pvc-status"), new("Volume", "string", ".spec.volumeName"),
            new("Capacity", "string", ".status.capacity.storage"), new("Access Modes", "string", "#pvc-access-modes"),
            new("StorageClass", "string", ".spec.storageClassName"),
            new("VolumeAttributesClass", "string", ".spec.volumeAttributesClassName"), Age,
            new("VolumeMode", "string", ".spec.volumeMode", Priority: 1),
        ],
    };

    public static readonly ResourceDefinition Leases = new()
    {
        Group = "coordination.k8s.io",
        Version = "v1",
        Plural = "leases",
        Singular = "lease",
        Kind = "Lease",
        PrinterColumns = [new("Holder", "string", ".spec.holderIdentity"), Age],
    };

    public static readonly ResourceDefinition CustomResourceDefinitions = new()
    {
        Group = CrdGroup,
        Version = "v1",
        Plural = "customresourcedefinitions",
        Singular = "customresourcedefinition",
        Kind = "CustomResourceDefinition",
        ShortNames = ["crd", "crds"],
        Categories = ["api-extensions"],
        Namespaced = false,
        HasStatus = true,
        TracksGeneration = true,
        ReturnsDeletedObject = true,
        PrinterColumns = [new("Created At", "string", ".metadata.creationTimestamp")],
    };

    public static IReadOnlyList<ResourceDefinition> All { get; } =
    [
        Namespaces, Pods, ConfigMaps, Secrets, Events, EventsV1, ServiceAccounts, Services, PersistentVolumeClaims, Leases,
        CustomResourceDefinitions,
    ];
}
