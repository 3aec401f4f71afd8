using static SegRestore.LocalCluster.Typed.TypedField;

namespace SegRestore.LocalCluster.Typed;

/// <summary>core/v1 Pod as the API server decodes it (Kubernetes 1.32 field names). The parts the operator and the
/// tests write are modelled field by field, so unknown fields and wrong JSON types there are found; the rest
/// (probes, lifecycle, most volume sources, status) are opaque structs, type-checked as objects only, so that a
/// valid manifest is never refused for a field LocalCluster does not model.</summary>
public static class PodSchema
{
    private static readonly TypedField KeyToPath = Struct("v1.KeyToPath", ("key", GoString), ("path", GoString), ("mode", GoInt32));

    private static readonly TypedField Items = ListOf(KeyToPath);

    private static readonly TypedField SeccompProfile = Struct("v1.SeccompProfile", ("type", GoString), ("localhostProfile", GoString));

    private static readonly TypedField ContainerSecurityContext = Struct("v1.SecurityContext",
        ("capabilities", Struct("v1.Capabilities", ("add", StringList), ("drop", StringList))),
        ("privileged", GoBool), ("seLinuxOptions", Opaque("v1.SELinuxOptions")), ("windowsOptions", Opaque("v1.WindowsSecurityContextOptions")),
        ("runAsUser", GoInt64), ("runAsGroup", GoInt64), ("runAsNonRoot", GoBool), ("readOnlyRootFilesystem", GoBool),
        ("allowPrivilegeEscalation", GoBool), ("procMount", GoString), ("seccompProfile", SeccompProfile),
        ("appArmorProfile", Opaque("v1.AppArmorProfile")));

    private static readonly TypedField PodSecurityContext = Struct("v1.PodSecurityContext",
        ("seLinuxOptions", Opaque("v1.SELinuxOptions")), ("windowsOptions", Opaque("v1.WindowsSecurityContextOptions")),
        ("runAsUser", GoInt64), ("runAsGroup", GoInt64), ("runAsNonRoot", GoBool), ("supplementalGroups", ListOf(GoInt64)),
        ("supplementalGroupsPolicy", GoString), ("fsGroup", GoInt64), ("sysctls", ListOf(Opaque("v1.Sysctl"))),
        ("fsGroupChangePolicy", GoString), ("seccompProfile", SeccompProfile), ("appArmorProfile", Opaque("v1.AppArmorProfile")),
        ("seLinuxChangePolicy", GoString));

    private static readonly TypedField KeySelector = Struct("v1.SecretKeySelector", ("name", GoString), ("key", GoString), ("optional", GoBool));

    private static readonly TypedField EnvVar = Struct("v1.EnvVar",
        ("name", GoString), ("value", GoString),
        ("valueFrom", Struct("v1.EnvVarSource",
            ("fieldRef", Struct("v1.ObjectFieldSelector", ("apiVersion", GoString), ("fieldPath", GoString))),
            ("resourceFieldRef", Opaque("v1.ResourceFieldSelector")),
            ("configMapKeyRef", KeySelector with { GoType = "v1.ConfigMapKeySelector" }),
            ("secretKeyRef", KeySelector))));

    private static readonly TypedField EnvFromSource = Struct("v1.EnvFromSource",
        ("prefix", GoString),
        ("configMapRef", Struct("v1.ConfigMapEnvSource", ("name", GoString), ("optional", GoBool))),
        ("secretRef", Struct("v1.SecretEnvSource", ("name", GoString), ("optional", GoBool))));

    private static readonly TypedField VolumeMount = Struct("v1.VolumeMount",
        ("name", GoString), ("readOnly", GoBool), ("recursiveReadOnly", GoString), ("mountPath", GoString), ("subPath", GoString),
        ("mountPropagation", GoString), ("subPathExpr", GoString));

    private static readonly TypedField Resources = Struct("v1.ResourceRequirements",
        ("limits", MapOf(Quantity)), ("requests", MapOf(Quantity)), ("claims", ListOf(Opaque("v1.ResourceClaim"))));

    /// <summary>v1.Container; ephemeral containers share its fields closely enough for LocalCluster.</summary>
    public static readonly TypedField Container = Struct("v1.Container",
        ("name", GoString), ("image", GoString), ("command", StringList), ("args", StringList), ("workingDir", GoString),
        ("ports", ListOf(Opaque("v1.ContainerPort"))), ("envFrom", ListOf(EnvFromSource)), ("env", ListOf(EnvVar)),
        ("resources", Resources), ("resizePolicy", ListOf(Opaque("v1.ContainerResizePolicy"))), ("restartPolicy", GoString),
        ("volumeMounts", ListOf(VolumeMount)), ("volumeDevices", ListOf(Opaque("v1.VolumeDevice"))),
        ("livenessProbe", Opaque("v1.Probe")), ("readinessProbe", Opaque("v1.Probe")), ("startupProbe", Opaque("v1.Probe")),
        ("lifecycle", Opaque("v1.Lifecycle")), ("terminationMessagePath", GoString), ("terminationMessagePolicy", GoString),
        ("imagePullPolicy", GoString), ("securityContext", ContainerSecurityContext), ("stdin", GoBool), ("stdinOnce", GoBool),
        ("tty", GoBool));

    private static readonly string[] OpaqueVolumeSources =
    [
        "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd",
        "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc", "azureFile", "vsphereVolume", "quobyte",
        "azureDisk", "photonPersistentDisk", "projected", "portworxVolume", "scaleIO", "storageos", "csi", "ephemeral",
        "image",
    ];

    public static readonly TypedField Volume = Struct("v1.Volume",
    [
        ("name", GoString),
        ("emptyDir", Struct("v1.EmptyDirVolumeSource", ("medium", GoString), ("sizeLimit", Quantity))),
        ("secret", Struct("v1.SecretVolumeSource", ("secretName", GoString), ("items", Items), ("defaultMode", GoInt32), ("optional", GoBool))),
        ("configMap", Struct("v1.ConfigMapVolumeSource", ("name", GoString), ("items", Items), ("defaultMode", GoInt32), ("optional", GoBool))),
        ("persistentVolumeClaim", Struct("v1.PersistentVolumeClaimVolumeSource", ("claimName", GoString), ("readOnly", GoBool))),
        .. OpaqueVolumeSources.Select(source => (source, Opaque("v1." + char.ToUpperInvariant(source[0]) + source[1..] + "VolumeSource"))),
    ]);

    private static readonly TypedField Toleration = Struct("v1.Toleration",
        ("key", GoString), ("operator", GoString), ("value", GoString), ("effect", GoString), ("tolerationSeconds", GoInt64));

    public static readonly TypedField PodSpec = Struct("v1.PodSpec",
        ("volumes", ListOf(Volume)), ("initContainers", ListOf(Container)), ("containers", ListOf(Container)),
        ("ephemeralContainers", ListOf(Opaque("v1.EphemeralContainer"))), ("restartPolicy", GoString),
        ("terminationGracePeriodSeconds", GoInt64), ("activeDeadlineSeconds", GoInt64), ("dnsPolicy", GoString),
        ("nodeSelector", StringMap), ("serviceAccountName", GoString), ("serviceAccount", GoString),
        ("automountServiceAccountToken", GoBool), ("nodeName", GoString), ("hostNetwork", GoBool), ("hostPID", GoBool),
        ("hostIPC", GoBool), ("shareProcessNamespace", GoBool), ("securityContext", PodSecurityContext),
        ("imagePullSecrets", ListOf(Struct("v1.LocalObjectReference", ("name", GoString)))), ("hostname", GoString),
        ("subdomain", GoString), ("affinity", Opaque("v1.Affinity")), ("schedulerName", GoString),
        ("tolerations", ListOf(Toleration)), ("hostAliases", ListOf(Opaque("v1.HostAlias"))), ("priorityClassName", GoString),
        ("priority", GoInt32), ("dnsConfig", Opaque("v1.PodDNSConfig")), ("readinessGates", ListOf(Opaque("v1.PodReadinessGate"))),
        ("runtimeClassName", GoString), ("enableServiceLinks", GoBool), ("preemptionPolicy", GoString),
        ("overhead", MapOf(Quantity)), ("topologySpreadConstraints", ListOf(Opaque("v1.TopologySpreadConstraint"))),
        ("setHostnameAsFQDN", GoBool), ("os", Opaque("v1.PodOS")), ("hostUsers", GoBool),
        ("schedulingGates", ListOf(Opaque("v1.PodSchedulingGate"))), ("resourceClaims", ListOf(Opaque("v1.PodResourceClaim"))),
        ("resources", Resources));

    public static readonly TypedField Pod = Struct("v1.Pod",
        ("apiVersion", GoString), ("kind", GoString), ("metadata", ObjectMetaSchema.ObjectMeta), ("spec", PodSpec),
        ("status", Opaque("v1.PodStatus")));
}
