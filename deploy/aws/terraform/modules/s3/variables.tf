# s3: the data bucket (training transactions) and the artifact bucket (model bundles): versioned,
# encrypted (SSE-S3), public access blocked, TLS only, and lifecycle rules to cheaper tiers.

variable "name" {
  type        = string
  description = "Name prefix of the buckets."
}

variable "account_id" {
  type        = string
  description = "AWS account id: bucket names are global, so they carry it."
}

variable "force_destroy" {
  type        = bool
  description = "Allow deleting non-empty buckets."
  default     = false
}

variable "infrequent_access_after_days" {
  type        = number
  description = "Days after which objects move to STANDARD_IA."
  default     = 30
}

variable "archive_after_days" {
  type        = number
  description = "Days after which objects move to GLACIER_IR (still readable in milliseconds)."
  default     = 90
}

variable "noncurrent_version_expiration_days" {
  type        = number
  description = "Days an overwritten or deleted object version is kept."
  default     = 90
}
