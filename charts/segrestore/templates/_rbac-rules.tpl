{{/* Generated from src/SegRestore.Operator/Deployment/OperatorRbac.cs by `segrestore manifests`; do not edit. Run `make manifests`. */}}
{{- define "segrestore.rbac.segmentNamespaceRules" }}
# The informer lists and watches segments; a merge patch adds and removes the finalizer and sets the chain/index labels.
- apiGroups:
  - segrestore.io
  resources:
  - pointrestoresegments
  verbs:
  - list
  - watch
  - patch
# Status is written with a PUT on the status subresource, guarded by resourceVersion.
- apiGroups:
  - segrestore.io
  resources:
  - pointrestoresegments/status
  verbs:
  - update
# Worker pods, token Secrets and the TiFlash ConfigMap carry an owner reference with blockOwnerDeletion, which the OwnerReferencesPermissionEnforcement admission plugin allows only with this.
- apiGroups:
  - segrestore.io
  resources:
  - pointrestoresegments/finalizers
  verbs:
  - update
# Worker pods: the owned-pod informer lists and watches them, an attempt's pod is read back for adoption after a restart, created, and deleted when it is superseded or the segment is done.
- apiGroups:
  - ""
  resources:
  - pods
  verbs:
  - get
  - list
  - watch
  - create
  - delete
# An attempt's worker log is read when the attempt ends or before its pod is deleted, to keep it (redacted, bounded) in a ConfigMap owned by the segment.
- apiGroups:
  - ""
  resources:
  - pods/log
  verbs:
  - get
# Each attempt's token Secret is created (or updated when a crashed attempt left one) and deleted when the segment finishes; the PD TLS Secret named in spec.cluster.tlsSecretName is read to ask PD its cluster id.
- apiGroups:
  - ""
  resources:
  - secrets
  verbs:
  - get
  - create
  - update
  - delete
# The ServiceAccount named in spec.worker.serviceAccountName is read before a worker is created, so a missing one is said as ServiceAccountNotFound instead of a refused pod.
- apiGroups:
  - ""
  resources:
  - serviceaccounts
  verbs:
  - get
# Each chain in the Managed checkpoint mode keeps BR's checkpoint directory on a claim: read before each launch, created when missing, deleted when the chain is finalized or abandoned.
- apiGroups:
  - ""
  resources:
  - persistentvolumeclaims
  verbs:
  - get
  - create
  - delete
# The TiFlash replica SQL of a finalized chain is written to a ConfigMap owned by the last segment; each attempt's kept worker log is a ConfigMap owned by its segment, created or (after a restart) read and replaced.
- apiGroups:
  - ""
  resources:
  - configmaps
  verbs:
  - get
  - create
  - update
# Events on segments: created, or read and updated to bump the count of a repeated one.
- apiGroups:
  - ""
  resources:
  - events
  verbs:
  - get
  - create
  - update
{{- end }}
{{- define "segrestore.rbac.operatorNamespaceRules" }}
# Leader election (Lease segrestore-operator: get, create, renew) and one Lease per PD cluster so that two chains never restore into the same cluster (released with a delete).
- apiGroups:
  - coordination.k8s.io
  resources:
  - leases
  verbs:
  - get
  - create
  - update
  - delete
{{- end }}
{{- define "segrestore.rbac.configMapLedgerRules" }}
# The ConfigMap ledger: chain indexes and checkpoint blobs are read, listed by label, created, replaced with a resourceVersion guard and garbage-collected.
- apiGroups:
  - ""
  resources:
  - configmaps
  verbs:
  - get
  - list
  - create
  - update
  - delete
{{- end }}
{{- define "segrestore.rbac.tidbClusterRules" }}
# A segment's spec.cluster.tidbClusterRef is read (never changed) to derive the PD address, the client TLS Secret and the TiDB service from tidb-operator's TidbCluster.
- apiGroups:
  - pingcap.com
  resources:
  - tidbclusters
  verbs:
  - get
{{- end }}
