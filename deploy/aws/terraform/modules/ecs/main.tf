resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = var.container_insights ? "enabled" : "disabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = var.use_spot_instances ? "FARGATE_SPOT" : "FARGATE"
    weight            = 1
  }
}

locals {
  # Services: with Spot, the first task is on-demand (base 1) so an interruption never empties a
  # service; every further task goes to Spot.
  spot_service_strategy = [
    { capacity_provider = "FARGATE", base = 1, weight = 0 },
    { capacity_provider = "FARGATE_SPOT", base = 0, weight = 1 },
  ]
  on_demand_service_strategy = [
    { capacity_provider = "FARGATE", base = 0, weight = 1 },
  ]
  service_strategy = var.use_spot_instances ? local.spot_service_strategy : local.on_demand_service_strategy

  task_strategy = [
    { capacity_provider = var.use_spot_instances ? "FARGATE_SPOT" : "FARGATE", base = 0, weight = 1 },
  ]
}
