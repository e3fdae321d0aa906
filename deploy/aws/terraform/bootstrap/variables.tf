variable "aws_region" {
  type        = string
  description = "Region of the state bucket and lock table (must match backend.tf)."
  default     = "us-east-1"
}

variable "project_name" {
  type        = string
  description = "Prefix of the bucket and table names."
  default     = "fraudops"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,11}$", var.project_name))
    error_message = "project_name must be 2-12 lower-case letters, digits or dashes."
  }
}

variable "noncurrent_state_retention_days" {
  type        = number
  description = "Days old state versions are kept (a state can be restored from them)."
  default     = 90
}
