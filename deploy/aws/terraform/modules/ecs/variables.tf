# ecs: the Fargate cluster with the FARGATE and FARGATE_SPOT capacity providers. With
# use_spot_instances the services run on Spot with one on-demand task as a base; scheduled
# training runs on Spot too (a retry is cheap, the schedule retries).

variable "name" {
  type        = string
  description = "Cluster name."
}

variable "use_spot_instances" {
  type        = bool
  description = "Prefer FARGATE_SPOT."
}

variable "container_insights" {
  type        = bool
  description = "CloudWatch Container Insights (task-level CPU, memory, network metrics)."
  default     = true
}
