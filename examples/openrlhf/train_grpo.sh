#!/usr/bin/env bash
# OpenRLHF GRPO with rubricrl as the remote reward model. Start the service first:
#   rubricrl serve --config examples/openrlhf/serve.yaml
set -euo pipefail
python -m openrlhf.cli.train_ppo_ray \
  --remote_rm_url http://127.0.0.1:5000/v1/openrlhf \
  --label_key rubric \
  --advantage_estimator group_norm \
  --n_samples_per_prompt 8 \
  "$@"   # pretrain model, prompt data, vLLM engines, batch sizes ...
