{{- define "plantsync.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "plantsync.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "plantsync.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The pods of this release: Deployment selector, Service, PDB, PodMonitor and cluster bootstrap. */}}
{{- define "plantsync.selectorLabels" -}}
app.kubernetes.io/name: {{ include "plantsync.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The same labels as a Kubernetes API label selector, for pekko-discovery-kubernetes-api. */}}
{{- define "plantsync.podLabelSelector" -}}
{{- $labels := include "plantsync.selectorLabels" . | fromYaml }}
{{- $pairs := list }}
{{- range $key := keys $labels | sortAlpha }}
{{- $pairs = append $pairs (printf "%s=%s" $key (get $labels $key)) }}
{{- end }}
{{- join "," $pairs }}
{{- end }}

{{- define "plantsync.labels" -}}
helm.sh/chart: {{ include "plantsync.chart" . }}
{{ include "plantsync.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "plantsync.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "plantsync.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "plantsync.secretName" -}}
{{- default (printf "%s-secrets" (include "plantsync.fullname" .)) .Values.secrets.existingSecret }}
{{- end }}

{{- define "plantsync.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* Where the nodes' configuration file and the secret HOCON files are mounted. */}}
{{- define "plantsync.configDir" -}}/etc/plantsync/config{{- end }}
{{- define "plantsync.secretsDir" -}}/etc/plantsync/secrets{{- end }}
