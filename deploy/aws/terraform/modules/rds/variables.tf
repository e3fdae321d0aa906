# rds: PostgreSQL for the registry (runs, versions, aliases, audit). Encrypted, private, TLS forced,
# automated backups, optional multi-AZ standby, deletion protection, and the master password
# (generated unless given) kept in Secrets Manager as JSON {username, password, host, port, dbname}.

variable "name" {
  type        = string
  description = "Name prefix (instance identifier <name>-rds)."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of the database, in two zones."
}

variable "security_group_id" {
  type        = string
  description = "Security group of the database."
}

variable "instance_class" {
  type        = string
  description = "RDS instance class."
}

variable "multi_az" {
  type        = bool
  description = "Synchronous standby in the second zone."
}

variable "username" {
  type        = string
  description = "Master user."
}

variable "password" {
  type        = string
  description = "Master password; null generates one."
  default     = null
  sensitive   = true
}

variable "db_name" {
  type        = string
  description = "Database created on the instance."
  default     = "fraudops"
}

variable "engine_version" {
  type        = string
  description = "PostgreSQL major version (minor versions are upgraded automatically)."
  default     = "16"
}

variable "allocated_storage" {
  type        = number
  description = "Initial storage in GiB."
}

variable "max_allocated_storage" {
  type        = number
  description = "Storage autoscaling ceiling in GiB (0 = off)."
}

variable "backup_retention_days" {
  type        = number
  description = "Days of automated backups."
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse deletion."
}

variable "cloudwatch_logs_enabled" {
  type        = bool
  description = "Export the PostgreSQL log to CloudWatch Logs."
  default     = false
}
