provider "aws" {
  region = var.aws_region

  # Every resource carries these tags (cost allocation, ownership).
  default_tags {
    tags = local.tags
  }
}
