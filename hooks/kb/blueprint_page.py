"""The exam blueprint page: for each exam (the default first), each domain and task statement, the topics,
facts, cards and practice questions that cover it, with counts, and its gaps said plainly.

Also what the rest of the build needs from the exams: the tags of every topic and ``data/exams.json``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .domains import Cover, Tags, coverage, coverage_counts, topic_tags
from .exams import Blueprints, Exam, exams_json, load_exams, long_date
from .inline import safe_inline
from .links import link
from .maker import Maker, listed
from .page_meta import front_matter
from .topic_pages import topic_uri

if TYPE_CHECKING:
    from .cards import Card
    from .catalog import Entity
    from .knowledge import Knowledge

PAGE = "blueprint.md"
DATA = "data/exams.json"
COLUMNS = ("topics", "facts", "cards", "questions")


@dataclass(frozen=True)
class ExamView:
    """The exams of the build, the exam tags of every topic, and what covers each domain and task."""

    blueprints: Blueprints
    tags: dict[str, Tags]  # slug → exam code → task or domain id
    cover: dict[str, dict[str, Cover]]  # exam code → domain or task id → Cover

    def json(self) -> str:
        with_page = {s for by_id in self.cover.values() for c in by_id.values() for s in c.topics}
        return exams_json(self.blueprints, coverage_counts(self.cover),
                          {slug: t for slug, t in self.tags.items() if slug in with_page})


def exam_view(entities: tuple[Entity, ...], know: Knowledge, cards: list[Card], with_page: list[Entity],
              path: Path | None = None) -> ExamView:
    """Load the exams file (``path``, else exams.yaml) and tag every topic. (Its rule slugs are checked against
    the bundled catalog by a test, not here: a build may use a smaller catalog, as the tests do.)"""
    blueprints = load_exams(path)
    tags = topic_tags(entities, blueprints)
    return ExamView(blueprints, tags, coverage(blueprints, tags, know, cards, [e.slug for e in with_page]))


def exam_facts(exam: Exam) -> str:
    """One line: status, questions, time, passing score, question types, links."""
    status = (f"**Retired on {long_date(exam.retired)}**" if exam.status == "retired" and exam.retired
              else f"**{exam.status.capitalize()} exam**")
    links = " · ".join(f"[{label}]({url})" for label, url in (("exam guide", exam.guide),
                                                               ("certification page", exam.url)) if url)
    parts = [status, f"{exam.questions} questions ({exam.scored} scored, {exam.unscored} unscored)",
             f"{exam.minutes} minutes", f"passing score {exam.passing} of 1,000",
             "question types: " + ", ".join(exam.question_types), links]
    return " · ".join(p for p in parts if p)


def gaps(cover: Cover) -> str:
    """What a task lacks, in words ('' when nothing)."""
    missing = [f"no {name}" for name, n in (("topic", len(cover.topics)), ("cards", cover.cards),
                                            ("practice questions", cover.questions)) if n == 0]
    return "**Gap:** " + ", ".join(missing) if missing else ''


def topic_links(slugs: list[str], entities: dict[str, Entity]) -> str:
    names = sorted(((entities[s].name, s) for s in slugs if s in entities), key=lambda x: x[0].lower())
    return ", ".join(f"[{safe_inline(name)}]({link(PAGE, topic_uri(entities[slug]))})" for name, slug in names)


def count_cells(cover: Cover) -> str:
    return " | ".join(str(v) for v in cover.counts().values())


def domain_table(exam: Exam, covers: dict[str, Cover]) -> str:
    rows = [f"| [{d.id}. {safe_inline(d.name)}](#{anchor(exam, d.id)}) | {d.weight}% | {count_cells(covers[d.id])} |"
            for d in exam.domains]
    return ("| Domain | Weight | Topics | Facts | Cards | Questions |\n|---|---:|---:|---:|---:|---:|\n"
            + "\n".join(rows) + "\n")


def anchor(exam: Exam, domain_id: str) -> str:
    return f"{exam.code.lower()}-domain-{domain_id}"


def domain_section(exam: Exam, domain_id: str, covers: dict[str, Cover], entities: dict[str, Entity]) -> str:
    """A domain: a table of its tasks with their counts and gaps, then the topics of each task."""
    domain = next(d for d in exam.domains if d.id == domain_id)
    out = [f"### Domain {domain.id}: {safe_inline(domain.name)} ({domain.weight}%) {{ #{anchor(exam, domain.id)} }}\n",
           "| Task | Topics | Facts | Cards | Questions | Gaps |", "|---|---:|---:|---:|---:|---|"]
    out += [f"| {t.id} {safe_inline(t.text)} | {count_cells(covers[t.id])} | {gaps(covers[t.id]) or '–'} |"
            for t in domain.tasks]
    out.append("")
    for task in domain.tasks:
        topics = topic_links(covers[task.id].topics, entities)
        out.append(f"**{task.id} {safe_inline(task.text)}:** {topics or 'no topic yet.'}\n{{ .kb-task-topics }}\n")
    in_tasks = {s for t in domain.tasks for s in covers[t.id].topics}
    broad = [s for s in covers[domain.id].topics if s not in in_tasks]
    if broad:
        out.append(f"**Across the domain** (no single task): {topic_links(broad, entities)}\n{{ .kb-task-topics }}\n")
    return "\n".join(out) + "\n"


def exam_section(exam: Exam, covers: dict[str, Cover], entities: dict[str, Entity]) -> str:
    tasks = [t for d in exam.domains for t in d.tasks]
    bare = [t for t in tasks if not covers[t.id].topics]
    unasked = [t for t in tasks if not covers[t.id].questions]
    summary = (f"Of its {len(tasks)} tasks, **{len(tasks) - len(bare)}** have a topic page and "
               f"**{len(tasks) - len(unasked)}** have practice questions.")
    if bare:
        summary += " No topic covers " + ", ".join(f"{t.id} ({safe_inline(t.text)})" for t in bare) + "."
    return "\n".join([
        f"## {exam.code}: {safe_inline(exam.name)}\n",
        exam_facts(exam) + "\n",
        summary + "\n",
        domain_table(exam, covers),
        *(domain_section(exam, d.id, covers, entities) for d in exam.domains),
    ])


def blueprint_page(view: ExamView, entities: dict[str, Entity]) -> str:
    """blueprint.md: every exam of exams.yaml, the default first."""
    retired = [e for e in view.blueprints.exams if e.status == "retired" and e.retired]
    note = "".join(f" {e.code} was retired on {long_date(e.retired)}; its notes stay, as most of it carries over."
                   for e in retired)
    return (
        front_matter("Exam blueprints", "Each exam domain and task, and the topics, facts, cards and practice "
                                        "questions that cover it.") +
        "# Exam blueprints\n\n"
        "What each exam tests, domain by domain and task by task, and what in this knowledge base covers it: "
        "topic pages, their facts, the flashcards and the practice questions (exam-style multiple choice). "
        "A task nothing covers is marked **Gap**." + note + " The blueprints and the rules that tag topics are "
        "data, in `hooks/kb/exams.yaml`; the same counts are in [data/exams.json](data/exams.json).\n\n"
        + "\n".join(exam_section(e, view.cover[e.code], entities) for e in view.blueprints.exams)
    )


def exam_line(entity: Entity, view: ExamView) -> str:
    """The end of a topic page: which domain and task of each exam it serves ('' if none)."""
    tags = view.tags.get(entity.slug, {})
    parts = []
    for exam in view.blueprints.exams:
        target = tags.get(exam.code)
        if target:
            domain = next(d for d in exam.domains if d.id == target.split(".")[0])
            task = next((t for t in domain.tasks if t.id == target), None)
            what = f"task {task.id}, {task.text}" if task else f"domain {domain.id}, {domain.name}"
            parts.append(f"**{exam.code}** {safe_inline(what)}")
    if not parts:
        return ""
    return f"\nOn the exams: {' · '.join(parts)} ([blueprint]({link(topic_uri(entity), PAGE)}))\n{{ .kb-exam-line }}\n"


BLUEPRINT_PAGE = Maker("blueprint", lambda b: [(PAGE, blueprint_page(b.exams, b.know.entities))],
                       nav=listed("Exam blueprints"))
