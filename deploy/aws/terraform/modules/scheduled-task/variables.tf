# scheduled-task: the training pipeline in place of Airflow's training DAG. An EventBridge
# Scheduler schedule runs an ECS task (RunTask on Fargate) of the fraudops image with a command,
# e.g. `train --data s3://<data bucket>/<key>`, retrying when the run cannot start.

variable "name" {
  type        = string
  description = "Schedule name and task definition family."
}

variable "cluster_arn" {
  type        = string
  description = "Cluster the task runs in."
}

variable "capacity_provider_strategy" {
  type = list(object({
    capacity_provider = string
    base              = number
    weight            = number
  }))
  description = "Capacity provider strategy of the task."
}

variable "image" {
  type        = string
  description = "Image URI with tag."
}

variable "cpu" {
  type        = number
  description = "CPU units of the task."
}

variable "memory" {
  type        = number
  description = "Memory (MiB) of the task."
}

variable "command" {
  type        = list(string)
  description = "fraudops command and arguments, e.g. [\"train\", \"--data\", \"s3://bucket/key\"]."
}

variable "environment" {
  type        = map(string)
  description = "Plain environment variables of the container."
}

variable "secrets" {
  type        = map(string)
  description = "Environment variables filled from Secrets Manager."
  default     = {}
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of the task."
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups of the task."
}

variable "execution_role_arn" {
  type        = string
  description = "Role ECS uses to pull the image, read the secrets and write logs."
}

variable "task_role_arn" {
  type        = string
  description = "Role the training runs with (reads data, writes model bundles)."
}

variable "scheduler_role_arn" {
  type        = string
  description = "Role EventBridge Scheduler assumes to call ecs:RunTask."
}

variable "log_group_name" {
  type        = string
  description = "CloudWatch log group of the task."
}

variable "aws_region" {
  type        = string
  description = "Region of the log group."
}

variable "schedule_expression" {
  type        = string
  description = "cron(...) or rate(...) expression."
}

variable "schedule_timezone" {
  type        = string
  description = "Time zone of the cron expression."
  default     = "UTC"
}

variable "enabled" {
  type        = bool
  description = "Whether the schedule fires (disable to pause training)."
  default     = true
}
