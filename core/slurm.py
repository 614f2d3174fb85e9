"""`ruadapt slurm`: an sbatch script that runs a project's stages on a Slurm cluster.

The batch step runs `ruadapt run` on the first node, exactly as on a workstation; a training stage
with `compute.launcher = "torchrun"` then starts one torchrun per node through `srun` when the job
has several nodes (see core.stages.train).
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path


def sbatch_script(project: Path, *, stage: str | None, nodes: int, gpus_per_node: int, partition: str,
                  time_limit: str, cpus_per_gpu: int = 8, job_name: str = "ruadapt") -> str:
    venv = Path(sys.prefix)
    run = ["ruadapt", "run", str(project.resolve())] + (["--stage", stage] if stage else [])
    lines = [
        "#!/bin/bash",
        f"#SBATCH --job-name={job_name}",
        f"#SBATCH --nodes={nodes}",
        "#SBATCH --ntasks-per-node=1",
        f"#SBATCH --gpus-per-node={gpus_per_node}",
        f"#SBATCH --cpus-per-task={cpus_per_gpu * gpus_per_node}",
        f"#SBATCH --time={time_limit}",
        f"#SBATCH --output={project.resolve().parent}/slurm-%j.out",
    ] + ([f"#SBATCH --partition={partition}"] if partition else []) + [
        "set -euo pipefail",
        f"source {shlex.quote(str(venv / 'bin' / 'activate'))}",
        "export PYTHONUNBUFFERED=1 OMP_NUM_THREADS=${SLURM_CPUS_PER_TASK:-8}",
        "# Runs and their registry live beside the project on the shared file system, so the studio",
        "# on a login node can watch them (`ruadapt status`, `ruadapt watch RUN`).",
        f"export RUADAPT_HOME=${{RUADAPT_HOME:-{shlex.quote(str(project.resolve().parent / '.ruadapt'))}}}",
        # A requeued or pre-empted job resumes from the training checkpoints of the interrupted run.
        shlex.join(run),
        "",
    ]
    return "\n".join(lines)


def srun_torchrun(nnodes: int, nproc: int, head: str, run_id: str) -> list[str]:
    """The command that starts one torchrun per node of a multi-node allocation."""
    return ["srun", f"--nodes={nnodes}", "--ntasks-per-node=1", sys.executable, "-m", "torch.distributed.run",
            f"--nnodes={nnodes}", f"--nproc_per_node={nproc}", "--rdzv_backend=c10d",
            f"--rdzv_endpoint={head}:29500", f"--rdzv_id={run_id}"]
