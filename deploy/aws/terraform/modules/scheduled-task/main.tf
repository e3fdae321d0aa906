resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.task_role_arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  # Training writes its dataset copy and scratch files under FRAUDOPS_HOME.
  ephemeral_storage {
    size_in_gib = 50
  }

  container_definitions = jsonencode([
    {
      name      = "training"
      image     = var.image
      essential = true
      command   = var.command

      environment = [for key in sort(keys(var.environment)) : { name = key, value = var.environment[key] }]
      secrets     = [for key in sort(keys(var.secrets)) : { name = key, valueFrom = var.secrets[key] }]

      logConfiguration = {
        logDriver = "awslogs"
        options   = {
          awslogs-group         = var.log_group_name
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = "training"
        }
      }
    },
  ])
}

resource "aws_scheduler_schedule" "this" {
  name                         = var.name
  description                  = "fraudops: ${join(" ", var.command)}"
  schedule_expression          = var.schedule_expression
  schedule_expression_timezone = var.schedule_timezone
  state                        = var.enabled ? "ENABLED" : "DISABLED"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = var.cluster_arn
    role_arn = var.scheduler_role_arn

    ecs_parameters {
      # Family without revision: the newest revision runs, including those CD registers.
      task_definition_arn = aws_ecs_task_definition.this.arn_without_revision
      task_count          = 1

      dynamic "capacity_provider_strategy" {
        for_each = var.capacity_provider_strategy
        content {
          capacity_provider = capacity_provider_strategy.value.capacity_provider
          base              = capacity_provider_strategy.value.base
          weight            = capacity_provider_strategy.value.weight
        }
      }

      network_configuration {
        subnets          = var.subnet_ids
        security_groups  = var.security_group_ids
        assign_public_ip = false
      }
    }

    retry_policy {
      maximum_event_age_in_seconds = 3600
      maximum_retry_attempts       = 3
    }
  }
}
