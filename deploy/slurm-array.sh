#!/usr/bin/env bash
# ZoneLab on a Slurm array: each task runs one shard (`--shard auto` reads SLURM_ARRAY_TASK_ID,
# SLURM_ARRAY_TASK_COUNT and SLURM_ARRAY_TASK_MIN); a dependent job merges the shards.
#
#   mkdir -p results
#   jobid=$(sbatch --parsable deploy/slurm-array.sh scenarios/riverside-water.yaml)
#   sbatch --dependency=afterok:$jobid --wrap "zonelab merge results/shard-*.json --json results/results.json"
#
#SBATCH --job-name=zonelab
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=01:00:00
#SBATCH --output=results/zonelab-%A_%a.log
set -euo pipefail
plant=${1:?usage: sbatch deploy/slurm-array.sh PLANT.yaml [TRIALS] [SEED]}
trials=${2:-1000000}
seed=${3:-1}
mkdir -p results
exec zonelab simulate "$plant" --trials "$trials" --seed "$seed" --threads "${SLURM_CPUS_PER_TASK:-2}" \
  --shard auto --json "results/shard-${SLURM_ARRAY_TASK_ID}.json"
