from rubricrl.generation import decompose, is_broad
from rubricrl.judges import FakeJudge
from rubricrl.rubric import Criterion, Rubric

from .helpers import reply


def base():
    return Rubric(
        id="r",
        criteria=[
            Criterion(id="all", description="Is accurate, complete, concise and polite.", weight=4),
            Criterion(id="one", description="Cites a source."),
            Criterion(
                id="harm", description="Gives dangerous, illegal, unsafe and bad advice.", veto=True
            ),
        ],
    )


def test_is_broad_heuristic():
    assert is_broad(base().criteria[0]) and not is_broad(base().criteria[1])


async def test_broad_criterion_split_and_weight_shared():
    judge = FakeJudge(
        script=[
            reply(
                ("States only correct facts.", "essential"),
                ("Answers every part of the question.", "important"),
            )
        ]
    )
    step = await decompose(judge, base())
    ids = [c.id for c in step.rubric.criteria]
    assert step.changed and ids == ["all_1", "all_2", "one", "harm"]
    assert [c.weight for c in step.rubric.criteria[:2]] == [2.0, 2.0]
    assert "decomposed" in step.rubric.criteria[0].tags
    assert len(judge.calls) == 1 and "all -> 2 parts" in step.rubric.provenance.note


async def test_rejected_decomposition_keeps_criterion_with_reason():
    step = await decompose(FakeJudge("approve"), base())
    assert not step.changed and "all kept (empty_description)" in step.detail
