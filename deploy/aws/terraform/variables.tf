# ---- the guide's variables (PRODUCT.md) ---------------------------------------------------------

variable "aws_region" {
  type        = string
  description = "AWS region of every resource (the state bucket's region is set in backend.tf)."
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.aws_region))
    error_message = "aws_region must be a region name such as us-east-1 or eu-west-3."
  }
}

variable "environment" {
  type        = string
  description = "Deployment environment: part of every name (fraudops-<environment>-...) and tag."

  validation {
    condition     = contains(["dev", "staging", "production"], var.environment)
    error_message = "environment must be dev, staging or production."
  }
}

variable "db_username" {
  type        = string
  description = "Master user of the registry database (PostgreSQL)."
  default     = "fraudops"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.db_username)) && !contains(["admin", "postgres", "rdsadmin"], var.db_username)
    error_message = "db_username must be a lower-case PostgreSQL identifier, not a reserved name (admin, postgres, rdsadmin)."
  }
}

variable "db_password" {
  type        = string
  description = "Master password of the registry database. Leave null (recommended): a 32-character password is generated. Either way it is kept in Secrets Manager and given to the tasks as a secret."
  default     = null
  sensitive   = true

  validation {
    condition     = var.db_password == null || (length(coalesce(var.db_password, "x")) >= 16 && !can(regex("[/@\" ]", coalesce(var.db_password, "x"))))
    error_message = "db_password must be at least 16 characters without /, @, \" or spaces (RDS rules), or null to generate one."
  }
}

variable "alert_email_addresses" {
  type        = list(string)
  description = "E-mail addresses subscribed to the alarm topic (each must confirm the subscription)."
  default     = []

  validation {
    condition     = alltrue([for address in var.alert_email_addresses : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", address))])
    error_message = "alert_email_addresses must hold e-mail addresses."
  }
}

variable "acm_certificate_arn" {
  type        = string
  description = "ACM certificate for HTTPS on the load balancer. When set, port 443 serves the API, port 80 redirects to it, and the console listener uses TLS. Null = HTTP only."
  default     = null

  validation {
    condition     = var.acm_certificate_arn == null || can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+$", coalesce(var.acm_certificate_arn, "x")))
    error_message = "acm_certificate_arn must be an ACM certificate ARN or null."
  }
}

variable "use_spot_instances" {
  type        = bool
  description = "Run the services on Fargate Spot (about 70% cheaper, may be interrupted) with one on-demand API task as a base."
  default     = false
}

variable "rds_instance_class" {
  type        = string
  description = "RDS instance class of the registry database (db.t4g.micro for dev, db.t4g.small or larger for production)."
  default     = "db.t4g.small"

  validation {
    condition     = can(regex("^db\\.[a-z0-9]+\\.[a-z0-9]+$", var.rds_instance_class))
    error_message = "rds_instance_class must look like db.t4g.small."
  }
}

variable "api_desired_count" {
  type        = number
  description = "API (scoring) tasks at the start; autoscaling moves it between api_min_count and api_max_count."
  default     = 2

  validation {
    condition     = var.api_desired_count >= 1 && var.api_desired_count <= 50 && floor(var.api_desired_count) == var.api_desired_count
    error_message = "api_desired_count must be a whole number from 1 to 50."
  }
}

variable "rds_multi_az" {
  type        = bool
  description = "Keep a synchronous standby of the database in the second availability zone (doubles the RDS cost)."
  default     = true
}

variable "log_retention_days" {
  type        = number
  description = "Days CloudWatch keeps the container logs."
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, ...)."
  }
}

# ---- naming, network, image -----------------------------------------------------------------------

variable "project_name" {
  type        = string
  description = "Prefix of every name; also the name of the ECR repository."
  default     = "fraudops"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,11}$", var.project_name))
    error_message = "project_name must be 2-12 lower-case letters, digits or dashes, starting with a letter (load balancer names are at most 32 characters)."
  }
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for every resource (Project, Environment and ManagedBy are always set)."
  default     = {}
}

variable "vpc_cidr" {
  type        = string
  description = "Address range of the VPC; each subnet takes a /24 of it."
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && try(tonumber(split("/", var.vpc_cidr)[1]) <= 20, false)
    error_message = "vpc_cidr must be an IPv4 CIDR block of /20 or larger."
  }
}

variable "single_nat_gateway" {
  type        = bool
  description = "One NAT gateway for both private subnets (about 32 USD/month cheaper; losing its zone cuts the other zone's outbound traffic)."
  default     = false
}

variable "image_tag" {
  type        = string
  description = "Tag of the fraudops image in ECR for the first deployment. Later deployments are made by the CD workflow, which registers new task definition revisions (Terraform ignores them)."

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag))
    error_message = "image_tag must be a valid Docker tag."
  }
}

variable "container_port" {
  type        = number
  description = "Port fraudops listens on inside the containers (FRAUDOPS_PORT)."
  default     = 8080

  validation {
    condition     = var.container_port >= 1024 && var.container_port <= 65535
    error_message = "container_port must be from 1024 to 65535 (the image runs as a non-root user)."
  }
}

# ---- application ----------------------------------------------------------------------------------

variable "model_name" {
  type        = string
  description = "Registered model the API serves and the scheduled training registers (FRAUDOPS_MODEL_NAME)."
  default     = "fraud-detector"

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$", var.model_name))
    error_message = "model_name must be 1-100 letters, digits, dots, dashes or underscores."
  }
}

variable "serving_alias" {
  type        = string
  description = "Registry alias whose version the API serves (FRAUDOPS_SERVING_ALIAS)."
  default     = "production"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_-]{0,62}$", var.serving_alias))
    error_message = "serving_alias must be a lower-case alias name."
  }
}

# ---- sizes and scaling ----------------------------------------------------------------------------

variable "api_cpu" {
  type        = number
  description = "CPU units of one API task (1024 = 1 vCPU)."
  default     = 1024

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096], var.api_cpu)
    error_message = "api_cpu must be a Fargate size: 256, 512, 1024, 2048 or 4096."
  }
}

variable "api_memory" {
  type        = number
  description = "Memory (MiB) of one API task; must fit the Fargate CPU size."
  default     = 2048

  validation {
    condition     = var.api_memory >= 512 && var.api_memory <= 30720
    error_message = "api_memory must be from 512 to 30720 MiB."
  }
}

variable "api_min_count" {
  type        = number
  description = "Fewest API tasks autoscaling keeps."
  default     = 2

  validation {
    condition     = var.api_min_count >= 1
    error_message = "api_min_count must be at least 1."
  }
}

variable "api_max_count" {
  type        = number
  description = "Most API tasks autoscaling starts."
  default     = 10

  validation {
    condition     = var.api_max_count >= 1 && var.api_max_count <= 100
    error_message = "api_max_count must be from 1 to 100."
  }
}

variable "api_cpu_target_percent" {
  type        = number
  description = "Average CPU of the API tasks that target tracking holds (scales out above it)."
  default     = 70

  validation {
    condition     = var.api_cpu_target_percent >= 10 && var.api_cpu_target_percent <= 90
    error_message = "api_cpu_target_percent must be from 10 to 90."
  }
}

variable "control_plane_cpu" {
  type        = number
  description = "CPU units of the control-plane task."
  default     = 512

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096], var.control_plane_cpu)
    error_message = "control_plane_cpu must be a Fargate size: 256, 512, 1024, 2048 or 4096."
  }
}

variable "control_plane_memory" {
  type        = number
  description = "Memory (MiB) of the control-plane task."
  default     = 1024

  validation {
    condition     = var.control_plane_memory >= 512 && var.control_plane_memory <= 30720
    error_message = "control_plane_memory must be from 512 to 30720 MiB."
  }
}

variable "control_plane_desired_count" {
  type        = number
  description = "Control-plane tasks (registry API, pipelines, console)."
  default     = 1

  validation {
    condition     = var.control_plane_desired_count >= 1 && var.control_plane_desired_count <= 4
    error_message = "control_plane_desired_count must be from 1 to 4."
  }
}

variable "console_port" {
  type        = number
  description = "Load-balancer port of the control plane (registry API, pipelines, console); the API keeps 80/443."
  default     = 8443

  validation {
    condition     = var.console_port > 0 && var.console_port < 65536 && !contains([80, 443], var.console_port)
    error_message = "console_port must be a port other than 80 and 443."
  }
}

variable "console_allowed_cidrs" {
  type        = list(string)
  description = "Address ranges allowed to reach the control plane on console_port (an office or VPN range). Empty = nobody from outside."
  default     = []

  validation {
    condition     = alltrue([for cidr in var.console_allowed_cidrs : can(cidrhost(cidr, 0))])
    error_message = "console_allowed_cidrs must hold IPv4 CIDR blocks."
  }
}

# ---- scheduled training (the Airflow training DAG's counterpart) -----------------------------------

variable "training_schedule" {
  type        = string
  description = "EventBridge Scheduler expression of the training run (PRODUCT.md: weekly, Sunday 03:00 UTC)."
  default     = "cron(0 3 ? * SUN *)"

  validation {
    condition     = can(regex("^(cron|rate)\\(.+\\)$", var.training_schedule))
    error_message = "training_schedule must be a cron(...) or rate(...) expression."
  }
}

variable "training_data_key" {
  type        = string
  description = "Object key, in the data bucket, of the transactions the scheduled training reads (s3://<data bucket>/<key>)."
  default     = "transactions/latest.parquet"

  validation {
    condition     = can(regex("\\.(csv|parquet)$", var.training_data_key)) && !startswith(var.training_data_key, "/")
    error_message = "training_data_key must be a relative key ending in .csv or .parquet."
  }
}

variable "training_cpu" {
  type        = number
  description = "CPU units of the training task."
  default     = 2048

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.training_cpu)
    error_message = "training_cpu must be a Fargate size from 256 to 16384."
  }
}

variable "training_memory" {
  type        = number
  description = "Memory (MiB) of the training task."
  default     = 8192

  validation {
    condition     = var.training_memory >= 512 && var.training_memory <= 122880
    error_message = "training_memory must be from 512 to 122880 MiB."
  }
}

# ---- database ------------------------------------------------------------------------------------

variable "rds_allocated_storage" {
  type        = number
  description = "Initial database storage in GiB (gp3)."
  default     = 20

  validation {
    condition     = var.rds_allocated_storage >= 20 && var.rds_allocated_storage <= 16384
    error_message = "rds_allocated_storage must be from 20 to 16384 GiB."
  }
}

variable "rds_max_allocated_storage" {
  type        = number
  description = "Ceiling of storage autoscaling in GiB (0 turns it off)."
  default     = 100

  validation {
    condition     = var.rds_max_allocated_storage == 0 || var.rds_max_allocated_storage >= 20
    error_message = "rds_max_allocated_storage must be 0 or at least 20."
  }
}

variable "rds_backup_retention_days" {
  type        = number
  description = "Days of automated database backups (point-in-time restore window)."
  default     = 7

  validation {
    condition     = var.rds_backup_retention_days >= 1 && var.rds_backup_retention_days <= 35
    error_message = "rds_backup_retention_days must be from 1 to 35."
  }
}

variable "rds_deletion_protection" {
  type        = bool
  description = "Refuse to delete the database (turn off before terraform destroy); without it a final snapshot is still taken."
  default     = true
}

variable "alb_deletion_protection" {
  type        = bool
  description = "Refuse to delete the load balancer (turn off before terraform destroy)."
  default     = true
}

variable "s3_force_destroy" {
  type        = bool
  description = "Let terraform destroy delete non-empty buckets (dev only: the data and models go with them)."
  default     = false
}

# ---- CI/CD --------------------------------------------------------------------------------------

variable "github_repository" {
  type        = string
  description = "owner/name of the GitHub repository whose workflows may deploy (OIDC role for cd.yml). Null = no deploy role."
  default     = null

  validation {
    condition     = var.github_repository == null || can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", coalesce(var.github_repository, "x")))
    error_message = "github_repository must look like owner/name."
  }
}

variable "image_source_environment" {
  type        = string
  description = "Environment whose ECR repository cd.yml promotes images from (staging for production): the deploy role may pull from it. Null = images are pushed here directly."
  default     = null

  validation {
    condition     = var.image_source_environment == null || contains(["dev", "staging"], coalesce(var.image_source_environment, "x"))
    error_message = "image_source_environment must be dev, staging or null."
  }
}

variable "create_github_oidc_provider" {
  type        = bool
  description = "Create the account's GitHub OIDC identity provider (only one may exist per account: set false in the second environment)."
  default     = true
}
