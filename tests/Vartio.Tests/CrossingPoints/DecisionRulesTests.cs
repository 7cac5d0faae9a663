using NodaTime;
using Vartio.Domain.CrossingPoints;
using static Vartio.Tests.CrossingPoints.Finland2023;

namespace Vartio.Tests.CrossingPoints;

public sealed class DecisionRulesTests
{
    private static readonly Instant PublishAt = Local(2026, 1, 10, 12);

    private static Decision Draft(params DecisionEffect[] effects) =>
        new(0, new LocalDate(2026, 1, 10), "Test decision", "Text", null, [], effects);

    private static DecisionEffect Effect(string code, CrossingPointState state, Instant from, Instant? until = null, Traffic traffic = Traffic.Passengers | Traffic.Goods) =>
        new(code, state, traffic, from, until, null);

    [Fact]
    public void Check_EverySeededDecision_PassesAgainstThoseBeforeIt()
    {
        // The shipped data obeys the same rules as a Decider's input: no unexplained overlap, no effect
        // that begins before its announcement.
        for (var i = 0; i < Decisions.Count; i++)
        {
            var before = BorderTimeline.Build(Points, Decisions.Take(i));
            var problems = DecisionRules.Check(Decisions[i], before, Decisions[i].PublishedAt);
            Assert.True(problems.Count == 0, $"Decision {Decisions[i].Id}: {string.Join("; ", problems.Select(p => p.Message))}");
        }
    }

    [Fact]
    public void Check_OverlapWithPublishedDecision_IsConflictNamingIt()
    {
        var draft = Draft(Effect("VAA", CrossingPointState.Open, Local(2026, 2, 1, 0)));
        var problem = Assert.Single(DecisionRules.Check(draft, Timeline, PublishAt));
        Assert.Equal(DecisionProblemKind.Conflict, problem.Kind);
        Assert.Equal(Apr04, problem.ConflictingDecisionId);
        Assert.Equal("effects[0]", problem.Field);
    }

    [Fact]
    public void Check_OverlapWithSupersededDecision_IsAllowed()
    {
        var draft = Draft(Effect("VAA", CrossingPointState.Open, Local(2026, 2, 1, 0))) with { Supersedes = [Apr04] };
        Assert.Empty(DecisionRules.Check(draft, Timeline, PublishAt));
    }

    [Fact]
    public void Check_DifferentTrafficAtSameCrossingPoint_DoesNotConflict()
    {
        // Nuijamaa port's goods traffic has no provision; the 2024 decision closed only leisure boating.
        var draft = Draft(Effect("NUP", CrossingPointState.Closed, Local(2026, 2, 1, 0), traffic: Traffic.Goods));
        Assert.Empty(DecisionRules.Check(draft, Timeline, PublishAt));
    }

    [Fact]
    public void Check_EndBeforeStart_IsInvalidOnUntil()
    {
        var draft = Draft(Effect("NUP", CrossingPointState.Closed, Local(2026, 2, 1, 0), Local(2026, 1, 31, 0), Traffic.Goods));
        var problem = Assert.Single(DecisionRules.Check(draft, Timeline, PublishAt));
        Assert.Equal(DecisionProblemKind.Invalid, problem.Kind);
        Assert.Equal("effects[0].until", problem.Field);
    }

    [Fact]
    public void Check_UnknownCrossingPoint_IsNotFound()
    {
        var draft = Draft(Effect("XYZ", CrossingPointState.Closed, Local(2026, 2, 1, 0)));
        var problem = Assert.Single(DecisionRules.Check(draft, Timeline, PublishAt));
        Assert.Equal(DecisionProblemKind.NotFound, problem.Kind);
        Assert.Equal("effects[0].crossingPoint", problem.Field);
    }

    [Fact]
    public void Check_TrafficTheCrossingPointDoesNotServe_IsInvalid()
    {
        var draft = Draft(Effect("VAI", CrossingPointState.Closed, Local(2026, 2, 1, 0), traffic: Traffic.Passengers));
        Assert.Equal("effects[0].traffic", Assert.Single(DecisionRules.Check(draft, Timeline, PublishAt)).Field);
    }

    [Fact]
    public void Check_EffectBeforePublication_IsInvalid()
    {
        var draft = Draft(Effect("NUP", CrossingPointState.Closed, Local(2026, 1, 9, 0), traffic: Traffic.Goods));
        Assert.Equal("effects[0].from", Assert.Single(DecisionRules.Check(draft, Timeline, PublishAt)).Field);
        Assert.Empty(DecisionRules.Check(draft, Timeline, publishAt: null));
    }

    [Fact]
    public void Check_TwoEffectsOfOneDecisionOverlap_IsInvalid()
    {
        var draft = Draft(
            Effect("NUP", CrossingPointState.Closed, Local(2026, 2, 1, 0), Local(2026, 3, 1, 0), Traffic.Goods),
            Effect("NUP", CrossingPointState.Open, Local(2026, 2, 15, 0), null, Traffic.Goods));
        var problem = Assert.Single(DecisionRules.Check(draft, Timeline, PublishAt));
        Assert.Equal("effects[1]", problem.Field);
    }

    [Fact]
    public void Check_EveryProblem_IsReportedNotOnlyTheFirst()
    {
        var draft = Draft(
            Effect("XYZ", CrossingPointState.Closed, Local(2026, 2, 1, 0)),
            Effect("NUP", CrossingPointState.Closed, Local(2026, 2, 1, 0), Local(2026, 1, 1, 0), Traffic.Goods)) with { Title = " " };
        Assert.Equal(["title", "effects[0].crossingPoint", "effects[1].until"], DecisionRules.Check(draft, Timeline, PublishAt).Select(p => p.Field));
    }

    [Fact]
    public void Check_EffectsThatOnlyTouch_DoNotOverlap()
    {
        // An effect's end is exclusive, so one that begins where another ends follows it without overlap.
        var draft = Draft(
            Effect("NUP", CrossingPointState.Closed, Local(2026, 2, 1, 0), Local(2026, 3, 1, 0), Traffic.Goods),
            Effect("NUP", CrossingPointState.Open, Local(2026, 3, 1, 0), Local(2026, 4, 1, 0), Traffic.Goods),
            Effect("NUP", CrossingPointState.Restricted, Local(2026, 4, 1, 0), null, Traffic.Goods));
        Assert.Empty(DecisionRules.Check(draft, Timeline, PublishAt));
    }

    [Fact]
    public void Check_EffectInsideALongEarlierOne_OverlapsIt_EvenAfterAShortOneBetween()
    {
        // effects[0] runs all spring; effects[1] (a week in March) and effects[2] (a week in May) both lie within it.
        var draft = Draft(
            Effect("NUP", CrossingPointState.Closed, Local(2026, 3, 1, 0), Local(2026, 6, 1, 0), Traffic.Goods),
            Effect("NUP", CrossingPointState.Open, Local(2026, 3, 10, 0), Local(2026, 3, 17, 0), Traffic.Goods),
            Effect("NUP", CrossingPointState.Open, Local(2026, 5, 10, 0), Local(2026, 5, 17, 0), Traffic.Goods));
        var problems = DecisionRules.Check(draft, Timeline, PublishAt);
        Assert.Equal(["effects[1]", "effects[2]"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Contains("effects[0]", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void OverlapsWithinDecision_ListedLaterNamesTheEarlier_WhateverTheirStarts()
    {
        var overlaps = DecisionRules.OverlapsWithinDecision([
            Effect("NUP", CrossingPointState.Open, Local(2026, 5, 1, 0), null, Traffic.Goods),
            Effect("NUP", CrossingPointState.Closed, Local(2026, 3, 1, 0), Local(2026, 6, 1, 0), Traffic.Goods),
        ]);
        Assert.Equal(0, Assert.Single(overlaps, o => o.Key == 1).Value);
    }

    [Fact]
    public void Check_TwoThousandIdenticalEffects_IsOneProblemNamingTheLimit()
    {
        var effect = Effect("NUP", CrossingPointState.Closed, Local(2026, 2, 1, 0), null, Traffic.Goods);
        var problem = Assert.Single(DecisionRules.Check(Draft([.. Enumerable.Repeat(effect, 2_000)]), Timeline, PublishAt));
        Assert.Equal("effects", problem.Field);
        Assert.Contains("500", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AsManyIdenticalEffectsAsAllowed_ListsAHundredProblemsAndSaysThereAreMore()
    {
        var effect = Effect("NUP", CrossingPointState.Closed, Local(2026, 2, 1, 0), null, Traffic.Goods);
        var problems = DecisionRules.Check(Draft([.. Enumerable.Repeat(effect, DecisionRules.MaxEffects)]), Timeline, PublishAt);
        Assert.Equal(DecisionRules.MaxProblems + 1, problems.Count);
        Assert.Equal("effects[1]", problems[0].Field);
        Assert.Contains("More problems", problems[^1].Message, StringComparison.Ordinal);
        Assert.All(problems, p => Assert.Equal(DecisionProblemKind.Invalid, p.Kind));
    }

    [Theory]
    [InlineData("Closed\0", "U+0000")]
    [InlineData("Closed\v", "U+000B")]
    [InlineData("Closed\a", "U+0007")]
    [InlineData("Closed\uFFFF", "U+FFFF")]
    public void Check_ControlCharacterOrNonCharacterInTitleTextOrNote_IsRefusedNamingTheField(string escaped, string codePoint)
    {
        var text = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var effect = Effect("NUP", CrossingPointState.Closed, Local(2026, 2, 1, 0), null, Traffic.Goods) with { Note = text };
        var draft = Draft(effect) with { Title = text, Text = text };
        var problems = DecisionRules.Check(draft, Timeline, PublishAt);
        Assert.Equal(["title", "text", "effects[0].note"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Contains(codePoint, p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_TabsAndLineBreaksInText_AreAllowed()
    {
        var draft = Draft(Effect("NUP", CrossingPointState.Closed, Local(2026, 2, 1, 0), null, Traffic.Goods)) with { Text = "Section 1\r\n\tClosed.\n" };
        Assert.Empty(DecisionRules.Check(draft, Timeline, PublishAt));
    }

    [Fact]
    public void Check_TitleLongerThanTheLimit_IsRefusedWithItsLength()
    {
        var draft = Draft(Effect("NUP", CrossingPointState.Closed, Local(2026, 2, 1, 0), null, Traffic.Goods)) with { Title = new string('x', DecisionRules.MaxTitleLength + 1) };
        var problem = Assert.Single(DecisionRules.Check(draft, Timeline, PublishAt));
        Assert.Equal("title", problem.Field);
        Assert.Contains("201", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_ReopeningVaalimaa_ShowsOnlyVaalimaaChanging()
    {
        var draft = Draft(Effect("VAA", CrossingPointState.Open, Local(2026, 2, 1, 0), Local(2026, 3, 1, 0))) with { Supersedes = [Apr04] };
        var preview = DecisionRules.Preview(draft, Timeline, Decisions, PublishAt);
        var affected = Assert.Single(preview, p => p.Affected);
        Assert.Equal("VAA", affected.CrossingPoint.Code);
        var change = affected.Changes[0];
        Assert.Equal(Local(2026, 2, 1, 0), change.At);
        Assert.Equal(CrossingPointState.Closed, change.Before.State);
        Assert.Equal(CrossingPointState.Open, change.After.State);
        Assert.Equal(preview.Count, Points.Count);
    }

    [Fact]
    public void Build_SupersedingDecision_EndsTheEarlierProvisionWhereTheNewOneBegins()
    {
        // Superseding the indefinite closure with a one-month opening: after that month no decision governs,
        // so Vaalimaa is back to normal operation (the superseded closure does not resume).
        var reopen = new Decision(100, new LocalDate(2026, 1, 10), "Reopen", "", PublishAt, [Apr04],
            [Effect("VAA", CrossingPointState.Open, Local(2026, 2, 1, 0), Local(2026, 3, 1, 0))]);
        var timeline = BorderTimeline.Build(Points, [.. Decisions, reopen]);
        Assert.Equal(CrossingPointState.Closed, timeline.For("VAA").StatusAt(Local(2026, 1, 31, 23, 59)).State);
        Assert.Equal(100, timeline.For("VAA").StatusAt(Local(2026, 2, 10, 0)).DecisionId);
        var after = timeline.For("VAA").StatusAt(Local(2026, 3, 2, 0));
        Assert.Equal(CrossingPointState.Open, after.State);
        Assert.Null(after.DecisionId);

        // Other crossing points remain under the superseded decision.
        Assert.Equal(Apr04, timeline.For("NUI").StatusAt(Local(2026, 3, 2, 0)).DecisionId);
    }
}
