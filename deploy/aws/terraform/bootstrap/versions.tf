# Applied once per account with local state, before the main configuration: it creates the bucket
# and the lock table the main configuration's backend.tf uses.
terraform {
  required_version = ">= 1.7.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = { Project = var.project_name, ManagedBy = "terraform", Purpose = "terraform-state" }
  }
}
