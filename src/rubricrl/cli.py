"""The ``rubricrl`` command line. Commands stay thin: parse, call one library function, print.

Bad input prints one line to stderr and exits with status 2 (usage) or 1 (runtime failure);
never a traceback.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from rubricrl.data import (
    DataError,
    DedupConfig,
    FilterConfig,
    PolicyError,
    RolloutConfig,
    SamplingParams,
    dedup_step,
    filter_step,
    import_step,
    importer_names,
    load_labels,
    load_rules,
    minilm_encoder,
    read_prompts,
    resolve_policy,
    run_rollout,
    tag_step,
)
from rubricrl.defense import defended_engine
from rubricrl.generation import (
    GenerationConfig,
    GenerationInputError,
    GenerationResult,
    generate_rows,
    read_rows,
    write_results,
)
from rubricrl.judges import Judge, JudgeError, JudgeSpecError, resolve_judge
from rubricrl.rubric import (
    BankError,
    RubricBank,
    RubricError,
    dump_rubric_yaml,
    format_validation_error,
    load_rubric,
    load_rubrics,
    rubric_json_schema,
    shipped_rubric,
)
from rubricrl.scoring import (
    BudgetExceeded,
    EngineConfig,
    GradingItem,
    InputError,
    ScoringEngine,
    grade_rows,
    read_items,
)

app = typer.Typer(
    name="rubricrl",
    help="Rubric-anchored rewards for RL on language models.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit non-zero."""
    typer.echo(f"error: {' '.join(message.split())}", err=True)
    raise typer.Exit(code)


# ----------------------------------------------------------------------------- rubrics
@app.command()
def validate(
    rubrics: Annotated[list[Path], typer.Argument(help="Rubric files (YAML or JSON).")],
) -> None:
    """Validate rubric files; print each id, version and content hash."""
    failed = 0
    for path in rubrics:
        try:
            rubric = load_rubric(path)
        except RubricError as error:
            typer.echo(f"error: {error}", err=True)
            failed += 1
            continue
        typer.echo(f"ok {path}: {rubric.id} v{rubric.version} {rubric.content_hash[:12]}")
    if failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the rubric format."""
    typer.echo(json.dumps(rubric_json_schema(), indent=2))


def progress_bar(console: Console | None = None) -> Progress:
    """The progress bar used by long-running commands."""
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console or Console(stderr=True),
        transient=False,
    )


async def _grade_async(
    items: list[GradingItem], output: Path, engine: ScoringEngine, resume: bool
) -> dict[str, Any]:
    async with engine:
        with progress_bar() as progress:
            task = progress.add_task("grading", total=len(items))
            summary = await grade_rows(
                items, output, engine, resume=resume, on_row=lambda _: progress.advance(task)
            )
    return {"written": summary.written, "skipped": summary.skipped, **engine.stats.summary()}


def _grade_ray(
    input: Path,
    output: Path,
    rubrics: dict[str, Any],
    judge: str,
    config: EngineConfig,
    resume: bool,
    actors: int,
) -> dict[str, Any]:
    try:
        from rubricrl.rewards.ray import grade_dataset_ray
    except ImportError as error:
        fail(f"--ray needs the ray extra ({error.name} is missing)", 2)
    import ray.exceptions

    if not judge.startswith("local"):
        resolve_judge(judge)  # a bad spec fails here, before Ray starts (cheap: no connection)
    try:
        summary = grade_dataset_ray(
            input, output, rubrics, judge=judge, engine=config, resume=resume, actors=actors
        )
    except ray.exceptions.RayError as error:
        last = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
        fail(f"ray job failed: {last}; finished rows are kept in {output}, rerun with --resume")
    return {"written": summary.written, "skipped": summary.skipped}


JudgeOption = Annotated[
    str, typer.Option("--judge", help="local | local:PATH.gguf | openai:MODEL@URL | fake:POLICY")
]


@app.command()
def grade(
    rubric: Annotated[list[Path], typer.Option("--rubric", help="Rubric file or directory.")],
    input: Annotated[Path, typer.Option("--input", help="JSONL rows: id, prompt, response.")],
    output: Annotated[Path, typer.Option("--output", help="JSONL output (journal).")],
    judge: JudgeOption = "local",
    mode: Annotated[str, typer.Option(help="per_criterion | one_call")] = "per_criterion",
    concurrency: Annotated[int, typer.Option(min=1, max=4096)] = 64,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run.")] = False,
    cache: Annotated[Path | None, typer.Option(help="SQLite grade cache file.")] = None,
    timeout_s: Annotated[float, typer.Option("--timeout", min=0.1)] = 120.0,
    rate_limit: Annotated[float | None, typer.Option(help="Judge calls per second.")] = None,
    budget_requests: Annotated[int | None, typer.Option(min=1)] = None,
    budget_tokens: Annotated[int | None, typer.Option(min=1)] = None,
    defense: Annotated[
        bool, typer.Option("--defense/--no-defense", help="Reward-hacking detectors (flags/veto).")
    ] = True,
    use_ray: Annotated[
        bool, typer.Option("--ray", help="Score on Ray (JSONL or Parquet input).")
    ] = False,
    ray_actors: Annotated[int, typer.Option(min=1, help="Ray actors (with --ray).")] = 2,
) -> None:
    """Grade responses against rubrics; rows out: id, reward (float|null), criteria, flags."""
    try:
        rubrics = load_rubrics(rubric)
        default = next(iter(rubrics)) if len(rubrics) == 1 else None
        config = EngineConfig(
            mode=mode,  # type: ignore[arg-type]
            concurrency=concurrency,
            timeout_s=timeout_s,
            rate_limit_per_s=rate_limit,
            budget_requests=budget_requests,
            budget_tokens=budget_tokens,
            cache_path=str(cache) if cache else None,
        )
        if use_ray:
            summary = _grade_ray(input, output, rubrics, judge, config, resume, ray_actors)
        else:
            items = read_items(input, rubrics, default)
            engine = defended_engine(resolve_judge(judge), config, enabled=defense)
            summary = asyncio.run(_grade_async(items, output, engine, resume))
    except ValidationError as error:
        fail(format_validation_error(error), 2)
    except (RubricError, InputError, JudgeSpecError) as error:
        fail(str(error), 2)
    except (JudgeError, BudgetExceeded) as error:
        fail(f"{error}; finished rows are kept in {output}, rerun with --resume", 1)
    typer.echo(json.dumps(summary))


# ----------------------------------------------------------------------------- defense
@app.command("audit")
def audit_command(
    rubric: Annotated[Path, typer.Option("--rubric", help="Rubric file to audit.")],
    judge: JudgeOption = "local",
    prompt: Annotated[str | None, typer.Option(help="Prompt of a single case.")] = None,
    reference: Annotated[str | None, typer.Option(help="A good answer to --prompt.")] = None,
    weak: Annotated[str | None, typer.Option(help="An honest weak answer to --prompt.")] = None,
    cases: Annotated[
        Path | None, typer.Option(help="JSONL cases: prompt, reference, weak (optional).")
    ] = None,
    families: Annotated[
        str | None, typer.Option(help="Comma-separated attack families (default: all).")
    ] = None,
    audited: Annotated[str, typer.Option(help="Verdict on: defended | judge.")] = "defended",
    mode: Annotated[str, typer.Option(help="per_criterion | one_call")] = "per_criterion",
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the report here.")] = None,
) -> None:
    """Probe a rubric + judge with an attack suite; exit 0 = pass, 1 = gameable, 2 = bad input."""
    from rubricrl.defense import (
        ATTACK_FAMILIES,
        AuditCase,
        AuditConfig,
        format_report,
        read_audit_cases,
        run_audit,
    )

    try:
        loaded = load_rubric(rubric)
        if cases is not None:
            audit_cases = read_audit_cases(cases)
        elif prompt and reference:
            extra = {"weak": weak} if weak else {}
            audit_cases = [AuditCase(prompt=prompt, reference=reference, **extra)]
        else:
            fail("give --prompt and --reference, or --cases FILE", 2)
        chosen = tuple(f.strip() for f in families.split(",")) if families else ATTACK_FAMILIES
        config = AuditConfig(
            families=chosen,
            audited=audited,
            engine=EngineConfig(mode=mode),  # type: ignore[arg-type]
        )
        unknown = sorted(set(chosen) - set(ATTACK_FAMILIES))
        if unknown:
            fail(f"unknown attack families {unknown}; valid: {', '.join(ATTACK_FAMILIES)}", 2)
        report = run_audit(resolve_judge(judge), loaded, audit_cases, config)
    except ValidationError as error:
        fail(format_validation_error(error), 2)
    except (RubricError, JudgeSpecError, JudgeError, ValueError) as error:
        fail(str(error), 2)
    typer.echo(format_report(report))
    if json_out is not None:
        json_out.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    raise typer.Exit(0 if report.passed else 1)


# ----------------------------------------------------------------------------- data
@app.command("import-prompts")
def import_prompts_command(
    name: Annotated[str, typer.Argument(help="ifeval | ifbench | healthbench | writingbench")],
    output: Annotated[Path, typer.Option("--output", help="Prompt rows (.jsonl/.parquet).")],
    limit: Annotated[int | None, typer.Option(min=1, help="First N records only.")] = None,
    path: Annotated[Path | None, typer.Option(help="Read this file, not the packaged one.")] = None,
) -> None:
    """Import a prompt set shipped in a PyPI package into our rows (+ data card)."""
    try:
        count = import_step(name, output, limit=limit, path=path)
    except DataError as error:
        fail(f"{error} (importers: {', '.join(importer_names())})", 2)
    typer.echo(json.dumps({"rows": count, "output": str(output)}))


async def _rollout_async(
    prompts: Path,
    output: Path,
    policy_spec: str,
    config: RolloutConfig,
    resume: bool,
    use_n: bool,
) -> dict[str, Any]:
    rows = read_prompts(prompts)
    policy = resolve_policy(policy_spec, max_concurrency=config.concurrency, use_n=use_n)
    try:
        with progress_bar() as progress:
            task = progress.add_task("sampling", total=len(rows) * config.samples)
            summary = await run_rollout(
                rows,
                policy,
                output,
                config,
                resume=resume,
                on_sample=lambda _: progress.advance(task),
            )
            progress.update(task, completed=summary.skipped + summary.written)
    finally:
        await policy.aclose()
    return summary.as_dict()


@app.command()
def rollout(
    prompts: Annotated[Path, typer.Option("--prompts", help="Prompt rows (.jsonl/.parquet).")],
    output: Annotated[Path, typer.Option("--output", help="JSONL samples (journal).")],
    policy: Annotated[
        str, typer.Option(help="local | local:PATH.gguf | openai:MODEL@URL | hf:DIR | fake:echo")
    ] = "local",
    samples: Annotated[int, typer.Option("-k", "--samples", min=1, max=1024)] = 4,
    temperature: Annotated[float, typer.Option(min=0, max=5)] = 0.8,
    top_p: Annotated[float, typer.Option(min=0.01, max=1)] = 0.95,
    max_tokens: Annotated[int, typer.Option(min=1)] = 256,
    seed: Annotated[int, typer.Option(min=0)] = 0,
    concurrency: Annotated[int, typer.Option(min=1, max=4096)] = 8,
    use_n: Annotated[
        bool, typer.Option("--n/--no-n", help="Servers: k choices per request via 'n'.")
    ] = True,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run.")] = False,
) -> None:
    """Sample k responses per prompt; rows keep prompt id, sample index, params, token counts."""
    try:
        params = SamplingParams(
            temperature=temperature, top_p=top_p, max_tokens=max_tokens, seed=seed
        )
        config = RolloutConfig(samples=samples, params=params, concurrency=concurrency)
        summary = asyncio.run(_rollout_async(prompts, output, policy, config, resume, use_n))
    except ValidationError as error:
        fail(format_validation_error(error), 2)
    except DataError as error:
        fail(str(error), 2)
    except PolicyError as error:
        if not error.retryable:
            fail(str(error), 2)
        fail(f"{error}; finished samples are kept in {output}, rerun with --resume", 1)
    typer.echo(json.dumps(summary))
    if summary["failed"]:
        fail(f"{summary['failed']} samples failed {summary['failures']}; rerun with --resume", 1)


@app.command("filter")
def filter_command(
    graded: Annotated[Path, typer.Option("--graded", help="`rubricrl grade` output rows.")],
    report: Annotated[Path, typer.Option("--report", help="Report JSON (+ .md beside it).")],
    rollouts: Annotated[Path | None, typer.Option(help="Rollout rows (id -> prompt).")] = None,
    prompts: Annotated[Path | None, typer.Option(help="Prompt rows to filter.")] = None,
    output: Annotated[Path | None, typer.Option(help="Kept prompt rows (+ card).")] = None,
    low: Annotated[float, typer.Option(min=0, max=1, help="Lower quantile.")] = 0.25,
    high: Annotated[float, typer.Option(min=0, max=1, help="Upper quantile.")] = 0.75,
    per_task: Annotated[bool, typer.Option("--per-task", help="Band per task type.")] = False,
    min_spread: Annotated[float, typer.Option(min=0)] = 1e-6,
    max_abstain_rate: Annotated[float, typer.Option(min=0, max=1)] = 0.5,
    min_scored: Annotated[int, typer.Option(min=1)] = 2,
) -> None:
    """Keep prompts whose mean base-model reward lies in a central quantile band."""
    try:
        config = FilterConfig(
            low_quantile=low,
            high_quantile=high,
            per_task=per_task,
            min_spread=min_spread,
            max_abstain_rate=max_abstain_rate,
            min_scored=min_scored,
        )
        result = filter_step(
            graded, report, config, rollouts=rollouts, prompts=prompts, output=output
        )
    except ValidationError as error:
        fail(format_validation_error(error), 2)
    except DataError as error:
        fail(str(error), 2)
    typer.echo(json.dumps({"kept": len(result.kept), "dropped": result.reasons}))


@app.command()
def tag(
    prompts: Annotated[Path, typer.Option("--prompts", help="Prompt rows.")],
    output: Annotated[Path, typer.Option("--output", help="Tagged prompt rows (+ card).")],
    method: Annotated[str, typer.Option(help="rules | embedding | judge")] = "rules",
    rules: Annotated[Path | None, typer.Option(help="YAML/JSON list of tag rules.")] = None,
    labels: Annotated[Path | None, typer.Option(help="YAML/JSON axis -> label -> text.")] = None,
    judge: JudgeOption = "local",
    filter_report: Annotated[
        Path | None, typer.Option(help="Filter report: add difficulty tags.")
    ] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace axes.")] = False,
) -> None:
    """Tag task type / domain / difficulty by rules, sentence embeddings or an LLM judge."""
    try:
        if method not in ("rules", "embedding", "judge"):
            raise DataError(f"unknown method {method!r}; valid: rules, embedding, judge")
        counts = tag_step(
            prompts,
            output,
            method,  # type: ignore[arg-type]
            rules=load_rules(rules) if rules else None,
            labels=load_labels(labels) if labels else None,
            judge=resolve_judge(judge) if method == "judge" else None,
            filter_report=filter_report,
            overwrite=overwrite,
        )
    except (DataError, JudgeSpecError) as error:
        fail(str(error), 2)
    typer.echo(json.dumps(counts))


@app.command()
def dedup(
    prompts: Annotated[Path, typer.Option("--prompts", help="Prompt rows.")],
    output: Annotated[Path, typer.Option("--output", help="Deduplicated rows (+ card).")],
    eval_set: Annotated[
        list[str] | None,
        typer.Option("--eval", help="Held-out set: importer name or prompt file (repeatable)."),
    ] = None,
    threshold: Annotated[float, typer.Option(min=0.01, max=1, help="MinHash Jaccard.")] = 0.8,
    embeddings: Annotated[bool, typer.Option("--embeddings", help="Also MiniLM cosine.")] = False,
) -> None:
    """Remove near-duplicates and prompts that overlap evaluation sets."""
    try:
        result = dedup_step(
            prompts,
            output,
            DedupConfig(threshold=threshold),
            eval_sets=eval_set or [],
            encoder=minilm_encoder() if embeddings else None,
        )
    except DataError as error:
        fail(str(error), 2)
    typer.echo(json.dumps(result))


# ----------------------------------------------------------------------------- serve
def _serve_config(config_file: Path | None, overrides: dict[str, Any]) -> Any:
    import yaml

    from rubricrl.rewards import ServeConfig

    data: dict[str, Any] = {}
    if config_file is not None:
        if not config_file.is_file():
            raise InputError(f"{config_file}: no such config file")
        loaded = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
        if not isinstance(loaded, dict):
            raise InputError(f"{config_file}: a serve config must be a mapping")
        data = loaded
    data.update({key: value for key, value in overrides.items() if value is not None})
    return ServeConfig.model_validate(data)


@app.command()
def serve(
    rubric: Annotated[
        list[Path] | None, typer.Option("--rubric", help="Rubric bank: files or directories.")
    ] = None,
    judge: Annotated[str | None, typer.Option("--judge", help="Judge spec (see grade).")] = None,
    host: Annotated[str | None, typer.Option(help="Interface (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8080; 0 = any).")] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="YAML/JSON file of ServeConfig fields.")
    ] = None,
    max_samples: Annotated[int | None, typer.Option(help="Samples per request.")] = None,
    max_body_bytes: Annotated[int | None, typer.Option(help="Request body cap.")] = None,
    max_inflight: Annotated[int | None, typer.Option(help="Samples in flight (503).")] = None,
    shutdown_deadline: Annotated[float | None, typer.Option(help="Seconds on SIGTERM.")] = None,
    journal: Annotated[Path | None, typer.Option(help="Where unfinished work goes.")] = None,
    openrlhf_rubric: Annotated[str | None, typer.Option(help="Default OpenRLHF rubric.")] = None,
) -> None:
    """Serve rewards over HTTP (auth token from $RUBRICRL_SERVE_TOKEN)."""
    try:
        from rubricrl.rewards.server import serve as run_server
    except ImportError as error:
        fail(f"rubricrl serve needs the serve extra ({error.name} is missing)", 2)
    overrides = {
        "rubric_dir": rubric or None,
        "judge": judge,
        "host": host,
        "port": port,
        "max_samples": max_samples,
        "max_body_bytes": max_body_bytes,
        "max_inflight_samples": max_inflight,
        "shutdown_deadline_s": shutdown_deadline,
        "journal_path": journal,
        "openrlhf_rubric": openrlhf_rubric,
    }
    try:
        run_server(_serve_config(config, overrides))
    except ValidationError as error:
        fail(format_validation_error(error), 2)
    except (RubricError, InputError, JudgeSpecError) as error:
        fail(str(error), 2)


# ----------------------------------------------------------------------------- generation, bank
bank_app = typer.Typer(
    help="The rubric bank (SQLite): import, export, search, show, diff.", no_args_is_help=True
)
app.add_typer(bank_app, name="bank")
BankOption = Annotated[Path, typer.Option("--db", help="Bank database file (SQLite).")]


@app.command()
def generate(
    input: Annotated[Path, typer.Argument(help="JSONL rows with 'prompt' (see --mode).")],
    output: Annotated[Path, typer.Option("--output", help="Folder for YAML rubrics.")],
    mode: Annotated[str, typer.Option(help="instance | contrastive | task")] = "instance",
    judge: JudgeOption = "local",
    task: Annotated[
        str | None, typer.Option(help="Task name (task mode; filters on 'tag').")
    ] = None,
    max_criteria: Annotated[int, typer.Option(min=1, max=16)] = 6,
    tiered: Annotated[bool, typer.Option("--tiered", help="Ask for poor/fair/good tiers.")] = False,
    bank: Annotated[Path | None, typer.Option("--bank", help="Also store in this bank.")] = None,
) -> None:
    """Generate rubrics with an LLM judge; rejections are written with their reasons."""
    if mode not in ("instance", "contrastive", "task"):
        fail(f"--mode must be instance, contrastive or task, not {mode!r}", 2)
    try:
        rows = read_rows(input, mode, task)  # type: ignore[arg-type]
        config = GenerationConfig(max_criteria=max_criteria, tiered=tiered)
        results = asyncio.run(_generate_async(resolve_judge(judge), rows, mode, task, config))
    except (GenerationInputError, JudgeSpecError) as error:
        fail(str(error), 2)
    summary = write_results(results, output)
    if bank is not None:
        with RubricBank(bank) as opened:
            prompts = {str(r.get("id")): r["prompt"] for r in rows}
            opened.add_many(
                (result.rubric, prompts.get(row_id) if mode != "task" else None)
                for row_id, result in results
                if result.rubric is not None
            )
    typer.echo(summary.model_dump_json())


async def _generate_async(
    judge: Judge, rows: list[dict[str, Any]], mode: str, task: str | None, config: GenerationConfig
) -> list[tuple[str, GenerationResult]]:
    try:
        return await generate_rows(judge, rows, mode, task=task, config=config)  # type: ignore[arg-type]
    finally:
        await judge.aclose()


@bank_app.command("import")
def bank_import(
    source: Annotated[str, typer.Argument(help="A YAML folder, or healthbench | writingbench.")],
    db: BankOption = Path("rubric_bank.db"),
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many (datasets).")] = None,
) -> None:
    """Import rubrics from a YAML folder or a shipped dataset."""
    try:
        with RubricBank(db) as opened:
            if source in ("healthbench", "writingbench"):
                report = opened.import_dataset(source, limit=limit)
            elif Path(source).is_dir():
                report = opened.import_yaml(source)
            else:
                fail(f"{source}: not a folder, healthbench or writingbench", 2)
    except (FileNotFoundError, ValueError) as error:
        fail(str(error), 1)
    for where, reason in report.rejected[:20]:
        typer.echo(f"rejected {where}: {reason}", err=True)
    typer.echo(
        json.dumps(
            {"added": report.added, "unchanged": report.unchanged, "rejected": len(report.rejected)}
        )
    )


@bank_app.command("export")
def bank_export(
    directory: Annotated[Path, typer.Argument(help="Folder to write <id>/<version>.yaml into.")],
    db: BankOption = Path("rubric_bank.db"),
) -> None:
    """Export every version as YAML plus manifest.jsonl."""
    with RubricBank(db) as opened:
        typer.echo(json.dumps({"exported": opened.export_yaml(directory)}))


@bank_app.command("search")
def bank_search(
    query: Annotated[str, typer.Argument(help="A prompt or task description.")],
    db: BankOption = Path("rubric_bank.db"),
    k: Annotated[int, typer.Option("-k", min=1, max=1000)] = 5,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", help="Required tag (repeatable).")
    ] = None,
    embedder: Annotated[str, typer.Option(help="hashing | minilm")] = "hashing",
) -> None:
    """Retrieve the rubrics most similar to a prompt; one JSON line per hit."""
    try:
        with RubricBank(db, embedder=embedder) as opened:
            hits = opened.search(query, k=k, tags=tag or ())
    except (ValueError, RuntimeError) as error:
        fail(str(error), 2)
    for hit in hits:
        record = {
            "score": round(hit.score, 4),
            "id": hit.entry.id,
            "version": hit.entry.version,
            "source": hit.entry.source,
            "tags": list(hit.entry.tags),
        }
        typer.echo(json.dumps(record))


@bank_app.command("show")
def bank_show(
    rubric_id: Annotated[str, typer.Argument(help="Rubric id.")],
    version: Annotated[str | None, typer.Option(help="Version (default: latest).")] = None,
    db: BankOption = Path("rubric_bank.db"),
) -> None:
    """Print one stored version as YAML."""
    try:
        with RubricBank(db) as opened:
            typer.echo(dump_rubric_yaml(opened.get(rubric_id, version)), nl=False)
    except BankError as error:
        fail(str(error), 1)


@bank_app.command("diff")
def bank_diff(
    rubric_id: Annotated[str, typer.Argument(help="Rubric id.")],
    old: Annotated[str, typer.Argument(help="Old version.")],
    new: Annotated[str | None, typer.Argument(help="New version (default: latest).")] = None,
    db: BankOption = Path("rubric_bank.db"),
) -> None:
    """Show what changed between two versions."""
    try:
        with RubricBank(db) as opened:
            typer.echo("\n".join(opened.diff(rubric_id, old, new).lines()))
    except BankError as error:
        fail(str(error), 1)


# ----------------------------------------------------------------------------- evaluation
eval_app = typer.Typer(help="Evaluate judges and policies.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("pairs")
def eval_pairs(
    pairs: Annotated[Path, typer.Option("--pairs", help="JSONL: id, prompt, chosen, rejected.")],
    rubric: Annotated[Path, typer.Option("--rubric", help="Rubric file.")],
    output: Annotated[Path, typer.Option("--output", help="Agreement report (JSON).")],
    judge: JudgeOption = "local",
    limit: Annotated[int | None, typer.Option(min=1, help="Use the first N pairs.")] = None,
    methods: Annotated[str, typer.Option(help="Comma list: rubric,holistic,pairwise")] = (
        "rubric,holistic,pairwise"
    ),
) -> None:
    """Judge agreement with human preferences: rubric vs holistic vs pairwise."""
    from rubricrl.evaluation import evaluate_pairs, load_pairs

    chosen_methods = [m.strip() for m in methods.split(",") if m.strip()]
    unknown = set(chosen_methods) - {"rubric", "holistic", "pairwise"}
    try:
        if unknown or not chosen_methods:
            raise InputError(f"unknown methods {sorted(unknown)}; valid: rubric,holistic,pairwise")
        loaded = load_rubric(rubric)
        if not pairs.is_file():
            raise InputError(f"{pairs}: no such pairs file")
        pair_rows = load_pairs(pairs, limit)
        backend = resolve_judge(judge)

        async def run() -> Any:
            async with backend:
                return await evaluate_pairs(pair_rows, loaded, backend, methods=chosen_methods)

        report = asyncio.run(run())
    except ValidationError as error:
        fail(f"{pairs}: {format_validation_error(error)}", 2)
    except (RubricError, InputError, JudgeSpecError, ValueError) as error:
        fail(str(error), 2)
    except JudgeError as error:
        fail(str(error), 1)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    for name, stats in report.methods.items():
        typer.echo(
            f"{name}: accuracy={stats.accuracy} ci=[{stats.ci_low}, {stats.ci_high}] "
            f"ties={stats.tie_rate} abstain={stats.abstain_rate} n={stats.n_scored}"
        )


@app.command()
def report(
    output: Annotated[Path, typer.Option("--output", help="HTML file to write.")],
    graded: Annotated[Path | None, typer.Option(help="Graded rows (JSONL).")] = None,
    agreement: Annotated[Path | None, typer.Option(help="eval pairs output (JSON).")] = None,
    audit: Annotated[Path | None, typer.Option(help="audit output (JSON).")] = None,
    training: Annotated[Path | None, typer.Option(help="training log (JSONL).")] = None,
    benchmarks: Annotated[Path | None, typer.Option(help="before/after metrics (JSON).")] = None,
    title: str = "rubricrl report",
) -> None:
    """Write a self-contained HTML report (plots embedded) and its numbers as JSON."""
    from rubricrl.evaluation import ReportData, read_jsonl, summarize_graded, write_report

    def load_json(path: Path | None) -> Any:
        return None if path is None else json.loads(path.read_text(encoding="utf-8"))

    try:
        data = ReportData(
            title=title,
            graded=summarize_graded(read_jsonl(graded)) if graded else {},
            agreement=load_json(agreement),
            audit=load_json(audit),
            training=read_jsonl(training) if training else [],
            benchmarks=load_json(benchmarks),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        fail(f"cannot read report inputs: {error}", 2)
    typer.echo(f"report written to {write_report(data, output)}")


# ----------------------------------------------------------------------------- demo
def _progress_factory(progress: Progress) -> Any:
    """``(step, total) -> advance`` for the pipeline: one bar per step."""

    def start(step: str, total: int | None) -> Any:
        task = progress.add_task(step, total=total)
        return lambda _row: progress.advance(task)

    return start


@app.command()
def demo(
    judge: JudgeOption = "local",
    policy: Annotated[str, typer.Option(help="Rollout policy: local | fake:echo | ...")] = "local",
    quick: Annotated[bool, typer.Option("--quick", help="A short run (CI).")] = False,
    output_dir: Annotated[Path, typer.Option(help="Where results go.")] = Path("rubricrl-demo"),
    rubric_name: Annotated[str, typer.Option("--rubric", help="Shipped rubric name.")] = (
        "writing_quality"
    ),
) -> None:
    """The whole job offline: rollouts, grading, filter, GRPO, before/after eval, HTML report."""
    from rubricrl.evaluation import PipelineConfig, run_pipeline
    from rubricrl.training import RecipeError

    config = PipelineConfig.quick() if quick else PipelineConfig()
    try:
        rubric = shipped_rubric(rubric_name)
        judge_backend = resolve_judge(judge)
        policy_backend = resolve_policy(policy)
        with progress_bar() as progress:
            result = asyncio.run(
                run_pipeline(
                    output_dir,
                    policy=policy_backend,
                    judge=judge_backend,
                    writing_rubric=rubric,
                    config=config,
                    progress=_progress_factory(progress),
                )
            )
    except (RubricError, JudgeSpecError, InputError, DataError, RecipeError) as error:
        fail(str(error), 2)
    except (JudgeError, PolicyError, OSError) as error:
        fail(str(error), 1)
    for name, row in result["report_benchmarks"].items():
        typer.echo(f"{name}: before={row['before']} after={row['after']} (n={row['n']})")
    typer.echo(f"report: {result['report']} (numbers in {result['report_json']})")


@eval_app.command("policy")
def eval_policy(
    policy: Annotated[str, typer.Option(help="local | local:PATH.gguf | openai:M@URL | hf:DIR")],
    output_dir: Annotated[Path, typer.Option(help="Journals and policy_eval.json.")],
    benchmarks: Annotated[
        str, typer.Option(help="Comma list: ifeval,ifbench,writingbench,healthbench")
    ] = "ifeval",
    judge: Annotated[
        str | None, typer.Option(help="Judge spec for writingbench/healthbench.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="Held-out prompts per benchmark.")] = 32,
    heldout_fraction: Annotated[
        float, typer.Option(help="Held-out share (training's split; 1 = all prompts).")
    ] = 0.2,
    max_tokens: Annotated[int, typer.Option(min=1)] = 256,
) -> None:
    """IFEval/IFBench accuracy and rubric scores of a policy on held-out prompts, with CIs."""
    from rubricrl.evaluation import PolicyEvalConfig, evaluate_policy

    try:
        config = PolicyEvalConfig(
            benchmarks=tuple(b.strip() for b in benchmarks.split(",") if b.strip()),
            limit=limit,
            heldout_fraction=heldout_fraction,
            max_tokens=max_tokens,
        )
        backend = resolve_policy(policy)
        judge_backend = resolve_judge(judge) if judge else None
        with progress_bar() as progress:
            task = progress.add_task("sampling", total=None)
            result = asyncio.run(
                evaluate_policy(
                    backend,
                    output_dir,
                    config,
                    judge=judge_backend,
                    on_sample=lambda _: progress.advance(task),
                )
            )
    except ValidationError as error:
        fail(format_validation_error(error), 2)
    except (DataError, JudgeSpecError) as error:
        fail(str(error), 2)
    except (JudgeError, PolicyError, OSError) as error:
        fail(str(error), 1)
    for name, metrics in result["benchmarks"].items():
        for key in ("prompt_level", "instruction_level", "reward_mean"):
            if key in metrics:
                m = metrics[key]
                ci = f"[{m['ci_low']}, {m['ci_high']}]"
                typer.echo(f"{name}.{key}: {m['value']} ci={ci} n={m['n']}")
    typer.echo(f"results in {output_dir / 'policy_eval.json'}")


# --------------------------------------------------------------------------- train (training/)
@app.command()
def train(
    recipe: Annotated[Path, typer.Option("--recipe", help="Recipe YAML (see recipes/).")],
    backend: Annotated[str, typer.Option(help="trl (CPU or one GPU) or verl (Ray, GPUs).")] = "trl",
    resume: Annotated[
        bool, typer.Option(help="Skip finished stages, continue checkpoints.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option(help="Validate and write configs (verl) without training.")
    ] = False,
) -> None:
    """Run a training recipe: GRPO stages with rubric rewards, evaluations, seesaw guard."""
    from rubricrl.training import RecipeError, train_recipe

    try:
        summary = train_recipe(recipe, backend=backend, resume=resume, dry_run=dry_run)
    except RecipeError as error:
        fail(str(error), 2)
    except ImportError as error:
        fail(f"{error}; install the extra: pip install 'rubricrl[train]'", 1)
    typer.echo(summary)


def main() -> None:
    """Entry point of the ``rubricrl`` script."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
