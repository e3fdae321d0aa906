# fraudops developer commands. `make help` lists them. Needs a JDK >= 21 (found by ./mvnw and
# ./fraudops); the docker-* targets and health-check need Docker with the compose plugin.
SHELL := /bin/bash
.DEFAULT_GOAL := help

MVN ?= ./mvnw
FRAUDOPS ?= ./fraudops
COMPOSE ?= docker compose
IMAGE ?= fraudops
TAG ?= dev
GIT_COMMIT ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
DATA ?= data/transactions.csv
ROWS ?= 200000
SEED ?= 42
SERVICE ?=
VERSION ?=

.PHONY: help setup test test-unit test-integration lint format clean docker-build docker-up \
	docker-down docker-logs docker-train docker-promote generate-data train-local health-check run

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

setup: ## Check the JDK, build every module once, create .env, install the pre-commit hooks
	@. .mvn/find-jdk.sh && fraudops_find_jdk && echo "JDK: $$JAVA_HOME"
	$(MVN) -q -DskipTests install
	@if [ ! -f .env ]; then cp .env.example .env && echo "created .env from .env.example"; fi
	@if command -v pre-commit >/dev/null 2>&1; then pre-commit install; \
	 else echo "pre-commit not installed (pip install pre-commit), hooks skipped"; fi

test: ## Every test: unit, integration, deployment checks, formatting (the README's ./mvnw verify)
	$(MVN) verify

test-unit: ## Unit tests only (surefire), including the Terraform, workflow and compose checks
	$(MVN) test

test-integration: ## Integration tests only (failsafe *IT: real HTTP server, trained models)
	$(MVN) verify -DskipUnitTests=true -Dspotless.check.skip=true

lint: ## Formatting check, then SpotBugs with find-sec-bugs (the static-analysis profile)
	$(MVN) -q spotless:check
	$(MVN) -q -P static-analysis -DskipTests verify

format: ## Format every Java source (google-java-format)
	$(MVN) -q spotless:apply

clean: ## Remove build outputs (keeps data/ and the local registry in fraudops-data/)
	$(MVN) -q clean

docker-build: ## Build the fraudops image (IMAGE=fraudops TAG=dev)
	docker build --build-arg GIT_COMMIT=$(GIT_COMMIT) -t $(IMAGE):$(TAG) .

docker-up: ## Start the local stack (PostgreSQL, MinIO, control plane, API, Prometheus, Grafana)
	FRAUDOPS_IMAGE_TAG=$(TAG) $(COMPOSE) up -d --build --wait
	@echo "API http://localhost:8080  control plane http://localhost:8081  Grafana http://localhost:3000  Prometheus http://localhost:9090"

docker-down: ## Stop the local stack (volumes kept; `docker compose down -v` drops them)
	$(COMPOSE) down

docker-logs: ## Follow the stack's logs (SERVICE=api for one service)
	$(COMPOSE) logs -f --tail=200 $(SERVICE)

docker-train: ## Train on $(DATA) inside the control plane of the running stack
	@test -f "$(DATA)" || { echo "no $(DATA): run make generate-data first"; exit 1; }
	$(COMPOSE) exec control-plane java -jar /app/fraudops.jar train --data /$(DATA)

docker-promote: ## Promote VERSION=N to production in the running stack (the API follows within 5 s)
	@test -n "$(VERSION)" || { echo "usage: make docker-promote VERSION=N (see: $(COMPOSE) exec control-plane java -jar /app/fraudops.jar models list)"; exit 1; }
	$(COMPOSE) exec control-plane java -jar /app/fraudops.jar models promote --version $(VERSION) --to production --reason "make docker-promote"

generate-data: ## Generate $(DATA) (ROWS=200000 SEED=42) and validate it
	@mkdir -p $(dir $(DATA))
	$(FRAUDOPS) generate --rows $(ROWS) --seed $(SEED) --out $(DATA)
	$(FRAUDOPS) validate $(DATA)

train-local: ## Train on $(DATA) into the local registry (no Docker); `fraudops models promote` serves it
	@test -f "$(DATA)" || $(MAKE) generate-data
	$(FRAUDOPS) train --data $(DATA)
	$(FRAUDOPS) models list

health-check: ## Check every service of the local stack: PASS/FAIL per service
	@deploy/scripts/health-check.sh

run: ## Serve on http://localhost:8080 without Docker (embedded H2, both roles)
	$(FRAUDOPS) serve
