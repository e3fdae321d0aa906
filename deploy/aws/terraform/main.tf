# fraudops on AWS: one image, three ECS workloads (API service, control-plane service, scheduled
# training), PostgreSQL for the registry, S3 for data and model bundles, an ALB in front, CloudWatch
# and SNS for alerts. Each module's README line is its variables.tf header.

data "aws_caller_identity" "current" {}

module "vpc" {
  source = "./modules/vpc"

  name               = local.name
  cidr               = var.vpc_cidr
  single_nat_gateway = var.single_nat_gateway
}

module "security" {
  source = "./modules/security"

  name                  = local.name
  vpc_id                = module.vpc.vpc_id
  vpc_cidr              = module.vpc.vpc_cidr
  container_port        = var.container_port
  console_port          = var.console_port
  console_allowed_cidrs = var.console_allowed_cidrs
  https_enabled         = var.acm_certificate_arn != null
}

module "s3" {
  source = "./modules/s3"

  name          = local.name
  account_id    = data.aws_caller_identity.current.account_id
  force_destroy = var.s3_force_destroy
}

module "rds" {
  source = "./modules/rds"

  name                    = local.name
  subnet_ids              = module.vpc.private_subnet_ids
  security_group_id       = module.security.rds_security_group_id
  instance_class          = var.rds_instance_class
  multi_az                = var.rds_multi_az
  username                = var.db_username
  password                = var.db_password
  allocated_storage       = var.rds_allocated_storage
  max_allocated_storage   = var.rds_max_allocated_storage
  backup_retention_days   = var.rds_backup_retention_days
  deletion_protection     = var.rds_deletion_protection
  cloudwatch_logs_enabled = var.environment == "production"
}

module "ecr" {
  source = "./modules/ecr"

  repository_names = [var.project_name]
  environment      = var.environment
}

module "cloudwatch" {
  source = "./modules/cloudwatch"

  name                            = local.name
  aws_region                      = var.aws_region
  log_group_names                 = local.log_groups
  log_retention_days              = var.log_retention_days
  alarm_topic_arn                 = module.sns.topic_arn
  cluster_name                    = module.ecs.cluster_name
  service_names                   = { "api" = "${local.name}-api", "control-plane" = "${local.name}-control-plane" }
  alb_arn_suffix                  = module.alb.arn_suffix
  api_target_group_arn_suffix     = module.alb.api_target_group_arn_suffix
  console_target_group_arn_suffix = module.alb.console_target_group_arn_suffix
  rds_instance_id                 = module.rds.instance_id
  rds_allocated_storage_gib       = var.rds_allocated_storage
  rds_max_connections             = module.rds.max_connections
}

module "sns" {
  source = "./modules/sns"

  name            = local.name
  email_addresses = var.alert_email_addresses
}

module "iam" {
  source = "./modules/iam"

  name                        = local.name
  aws_region                  = var.aws_region
  account_id                  = data.aws_caller_identity.current.account_id
  ecr_repository_arns         = values(module.ecr.repository_arns)
  db_secret_arn               = module.rds.secret_arn
  log_group_arns              = module.cloudwatch.log_group_arns
  data_bucket_arn             = module.s3.data_bucket_arn
  artifacts_bucket_arn        = module.s3.artifacts_bucket_arn
  training_task_family        = "${local.name}-training"
  cluster_arn                 = module.ecs.cluster_arn
  github_repository           = var.github_repository
  create_github_oidc_provider = var.create_github_oidc_provider
  ecr_source_repository_arns  = var.image_source_environment == null ? [] : ["arn:aws:ecr:${var.aws_region}:${data.aws_caller_identity.current.account_id}:repository/${var.project_name}-${var.image_source_environment}"]
}

module "ecs" {
  source = "./modules/ecs"

  name               = local.name
  use_spot_instances = var.use_spot_instances
}

module "alb" {
  source = "./modules/alb"

  name                = local.name
  vpc_id              = module.vpc.vpc_id
  public_subnet_ids   = module.vpc.public_subnet_ids
  security_group_id   = module.security.alb_security_group_id
  container_port      = var.container_port
  console_port        = var.console_port
  acm_certificate_arn = var.acm_certificate_arn
  deletion_protection = var.alb_deletion_protection
}

# Scoring: FRAUDOPS_ROLES=api behind the ALB's 80/443, scaled on CPU.
module "api" {
  source = "./modules/ecs-service"

  name                       = "${local.name}-api"
  role                       = "api"
  cluster_id                 = module.ecs.cluster_id
  cluster_name               = module.ecs.cluster_name
  capacity_provider_strategy = module.ecs.service_capacity_provider_strategy
  image                      = local.image
  cpu                        = var.api_cpu
  memory                     = var.api_memory
  desired_count              = var.api_desired_count
  container_port             = var.container_port
  environment                = merge(local.common_environment, { FRAUDOPS_ROLES = "api" })
  secrets                    = local.common_secrets
  subnet_ids                 = module.vpc.private_subnet_ids
  security_group_ids         = [module.security.tasks_security_group_id]
  target_group_arn           = module.alb.api_target_group_arn
  execution_role_arn         = module.iam.execution_role_arn
  task_role_arn              = module.iam.api_task_role_arn
  log_group_name             = module.cloudwatch.log_group_names["api"]
  aws_region                 = var.aws_region
  autoscaling_enabled        = true
  min_count                  = var.api_min_count
  max_count                  = var.api_max_count
  cpu_target_percent         = var.api_cpu_target_percent
}

# Registry API, pipelines, console: FRAUDOPS_ROLES=control-plane behind the ALB's console_port.
module "control_plane" {
  source = "./modules/ecs-service"

  name                       = "${local.name}-control-plane"
  role                       = "control-plane"
  cluster_id                 = module.ecs.cluster_id
  cluster_name               = module.ecs.cluster_name
  capacity_provider_strategy = module.ecs.service_capacity_provider_strategy
  image                      = local.image
  cpu                        = var.control_plane_cpu
  memory                     = var.control_plane_memory
  desired_count              = var.control_plane_desired_count
  container_port             = var.container_port
  environment                = merge(local.common_environment, { FRAUDOPS_ROLES = "control-plane" })
  secrets                    = local.common_secrets
  subnet_ids                 = module.vpc.private_subnet_ids
  security_group_ids         = [module.security.tasks_security_group_id]
  target_group_arn           = module.alb.console_target_group_arn
  execution_role_arn         = module.iam.execution_role_arn
  task_role_arn              = module.iam.control_plane_task_role_arn
  log_group_name             = module.cloudwatch.log_group_names["control-plane"]
  aws_region                 = var.aws_region
  autoscaling_enabled        = false
}

# Weekly training (the Airflow training DAG's counterpart): EventBridge Scheduler -> ECS RunTask of
# `fraudops train --data s3://<data bucket>/<training_data_key>` with the same image.
module "training_schedule" {
  source = "./modules/scheduled-task"

  name                       = "${local.name}-training"
  cluster_arn                = module.ecs.cluster_arn
  capacity_provider_strategy = module.ecs.task_capacity_provider_strategy
  image                      = local.image
  cpu                        = var.training_cpu
  memory                     = var.training_memory
  command                    = ["train", "--data", "s3://${module.s3.data_bucket_name}/${var.training_data_key}"]
  environment                = merge(local.common_environment, { FRAUDOPS_ROLES = "control-plane", FRAUDOPS_ACTOR = "scheduled-training" })
  secrets                    = local.common_secrets
  subnet_ids                 = module.vpc.private_subnet_ids
  security_group_ids         = [module.security.tasks_security_group_id]
  execution_role_arn         = module.iam.execution_role_arn
  task_role_arn              = module.iam.training_task_role_arn
  scheduler_role_arn         = module.iam.scheduler_role_arn
  log_group_name             = module.cloudwatch.log_group_names["training"]
  aws_region                 = var.aws_region
  schedule_expression        = var.training_schedule
}
