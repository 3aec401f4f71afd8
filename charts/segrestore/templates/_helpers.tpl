{{/* The release's object names: <release>-segrestore, or the release name when it already says segrestore. */}}
{{- define "segrestore.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "segrestore.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end -}}

{{- define "segrestore.labels" -}}
{{ include "segrestore.selectorLabels" . }}
app.kubernetes.io/part-of: segrestore
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "segrestore.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "segrestore.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The one watched namespace, or empty for all namespaces. */}}
{{- define "segrestore.watchNamespace" -}}
{{- if gt (len .Values.watchNamespaces) 1 -}}
{{- fail "watchNamespaces: the operator watches one namespace; list at most one (or none for all namespaces)" -}}
{{- end -}}
{{- first .Values.watchNamespaces | default "" -}}
{{- end -}}

{{- define "segrestore.image" -}}
{{- printf "%s:%s" .repository .tag -}}
{{- end -}}

{{- define "segrestore.sqlitePvcName" -}}
{{- default (printf "%s-ledger" (include "segrestore.fullname" .)) .Values.ledger.sqlite.existingClaim -}}
{{- end -}}
