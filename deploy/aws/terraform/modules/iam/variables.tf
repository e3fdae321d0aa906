# iam: least-privilege roles. The execution role pulls from the fraudops repository, reads the
# database secret and writes to the fraudops log groups only; each workload's task role reaches
# only the buckets it needs (API: read bundles; control plane and training: read data, write
# bundles); the scheduler role may only run the training task; the optional GitHub OIDC role lets
# cd.yml push images and deploy, with no long-lived keys.

variable "name" {
  type        = string
  description = "Name prefix of the roles."
}

variable "aws_region" {
  type        = string
  description = "Region of the ECS resources."
}

variable "account_id" {
  type        = string
  description = "AWS account id."
}

variable "ecr_repository_arns" {
  type        = list(string)
  description = "Repositories the tasks pull from and CD pushes to."
}

variable "db_secret_arn" {
  type        = string
  description = "Secrets Manager secret of the database credentials."
}

variable "log_group_arns" {
  type        = list(string)
  description = "Log groups the containers write to."
}

variable "data_bucket_arn" {
  type        = string
  description = "Bucket of the training data."
}

variable "artifacts_bucket_arn" {
  type        = string
  description = "Bucket of the model bundles."
}

variable "training_task_family" {
  type        = string
  description = "Task definition family the scheduler may run."
}

variable "cluster_arn" {
  type        = string
  description = "Cluster the scheduler may run the training task in and CD may deploy to."
}

variable "github_repository" {
  type        = string
  description = "owner/name allowed to assume the deploy role; null = no deploy role."
  default     = null
}

variable "create_github_oidc_provider" {
  type        = bool
  description = "Create the account's GitHub OIDC provider (false when another stack owns it)."
  default     = true
}

variable "ecr_source_repository_arns" {
  type        = list(string)
  description = "Repositories of another environment the deploy role may pull from to promote an image."
  default     = []
}
