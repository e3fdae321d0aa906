locals {
  name = "${var.project_name}-${var.environment}"

  tags = merge(var.tags, {
    Project     = var.project_name
    Environment = var.environment
    ManagedBy   = "terraform"
  })

  image = "${module.ecr.repository_urls[var.project_name]}:${var.image_tag}"

  # The registry database, for every role. The password is a secret (Secrets Manager), not here.
  database_url = "jdbc:postgresql://${module.rds.address}:${module.rds.port}/${module.rds.db_name}?sslmode=require"

  # Settings every fraudops container shares (see .env.example for each key).
  common_environment = {
    FRAUDOPS_MODEL_NAME       = var.model_name
    FRAUDOPS_SERVING_ALIAS    = var.serving_alias
    FRAUDOPS_DB_URL           = local.database_url
    FRAUDOPS_DB_USER          = var.db_username
    FRAUDOPS_ARTIFACTS_STORE  = "s3"
    FRAUDOPS_ARTIFACTS_BUCKET = module.s3.artifacts_bucket_name
    FRAUDOPS_ARTIFACTS_PREFIX = "models"
    FRAUDOPS_ARTIFACTS_REGION = var.aws_region
    FRAUDOPS_PORT             = tostring(var.container_port)
    FRAUDOPS_HOME             = "/var/lib/fraudops"
  }

  common_secrets = {
    FRAUDOPS_DB_PASSWORD = "${module.rds.secret_arn}:password::"
  }

  log_groups = {
    api             = "/ecs/${local.name}/api"
    "control-plane" = "/ecs/${local.name}/control-plane"
    training        = "/ecs/${local.name}/training"
  }
}
