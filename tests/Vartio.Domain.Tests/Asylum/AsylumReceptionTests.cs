using NodaTime;
using Vartio.Domain.Asylum;
using Vartio.Domain.CrossingPoints;
using Vartio.Domain.Screening;
using Vartio.Domain.Travellers;

namespace Vartio.Domain.Tests.Asylum;

/// <summary>
/// Where applications for international protection are received (DOMAIN §3), on a small border modelled on the
/// decision of 16 November 2023: Vaalimaa closed and not receiving, Vartius and Salla open and receiving; the
/// coordinates are DOMAIN §2's. Distances: the haversine formula on a sphere of 6,371.0088 km computed
/// independently for the expected values (Vaalimaa–Vartius 453.0 km, Vaalimaa–Salla 706.0 km).
/// </summary>
public sealed class AsylumReceptionTests
{
    private static readonly DateTimeZone Helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];

    private static readonly CrossingPoint Vaalimaa = Point("VAA", "Vaalimaa", CrossingPointKind.Road, 60.60, 27.81);
    private static readonly CrossingPoint Vartius = Point("VAR", "Vartius", CrossingPointKind.RoadAndRail, 64.55, 29.98);
    private static readonly CrossingPoint Salla = Point("SAL", "Salla", CrossingPointKind.Road, 66.92, 29.20);
    private static readonly CrossingPoint Airport = Point("HEL", "Helsinki Airport", CrossingPointKind.Air, 60.32, 24.96);
    private static readonly CrossingPoint Harbour = Point("HWH", "Helsinki West Harbour", CrossingPointKind.Sea, 60.15, 24.91);

    private static readonly Instant From = At(2023, 11, 18, 0);
    private static readonly Instant Until = At(2024, 2, 19, 0);
    private static readonly Instant Day = At(2023, 11, 20, 12);

    private static CrossingPoint Point(string code, string name, CrossingPointKind kind, double latitude, double longitude) =>
        new(code, name, name, kind, kind is CrossingPointKind.Air or CrossingPointKind.Sea ? Traffic.Passengers : Traffic.Passengers | Traffic.Goods, Helsinki, latitude, longitude, OpeningHours.Unknown);

    private static Instant At(int year, int month, int day, int hour) => new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(Helsinki).ToInstant();

    private static BorderTimeline Border(params DecisionEffect[] effects) =>
        BorderTimeline.Build([Vaalimaa, Vartius, Salla, Airport, Harbour], [new Decision(1, new LocalDate(2023, 11, 16), "Closures", "", From - Duration.FromDays(1), [], effects)]);

    private static DecisionEffect Closed(string code, bool restricted = false) =>
        new(code, CrossingPointState.Closed, Traffic.Passengers | Traffic.Goods, From, restricted ? From + Duration.FromDays(30) : Until, false, null, restricted);

    private static DecisionEffect OpenReceiving(string code) => new(code, CrossingPointState.Open, Traffic.Passengers, From, Until, true);

    private static Applicant Person(PartialDate birth = default, bool unaccompanied = false, params Vulnerability[] vulnerabilities) =>
        new(new TravellerIdentity("Test Person", null, birth, null, null, null), false, ArrivalMeans.Bicycle, vulnerabilities.ToHashSet(), unaccompanied);

    [Fact]
    public void AtAClosedCrossingPoint_NotReceived_DirectedToTheReceivingOnes_NearestFirst()
    {
        var border = Border(Closed("VAA"), OpenReceiving("VAR"), OpenReceiving("SAL"));

        var reception = AsylumReception.Decide(border, "VAA", Day, Person());

        Assert.False(reception.Received);
        Assert.True(reception.OnLand);
        Assert.Equal(["VAR", "SAL"], reception.DirectedTo.Select(p => p.CrossingPoint.Code));
        Assert.Equal(453.0, reception.DirectedTo[0].Kilometres, 0.1);
        Assert.Equal(706.0, reception.DirectedTo[1].Kilometres, 0.1);
        Assert.Equal(1, reception.DecisionId);
        Assert.Contains("Vartius (about 453 km) and Salla (about 706 km)", reception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AtAReceivingCrossingPoint_Received()
    {
        var border = Border(Closed("VAA"), OpenReceiving("VAR"), OpenReceiving("SAL"));

        var reception = AsylumReception.Decide(border, "VAR", Day, Person());

        Assert.True(reception.Received);
        Assert.Null(reception.Exemption);
        Assert.Empty(reception.DirectedTo);
    }

    [Fact]
    public void WithNoLandCrossingPointReceiving_OnlyAirAndSeaAreListed_AndTheMessageSaysSo()
    {
        var border = Border(Closed("VAA"), Closed("VAR"), Closed("SAL"));

        var reception = AsylumReception.Decide(border, "VAR", Day, Person());

        Assert.False(reception.Received);
        Assert.False(reception.OnLand);
        Assert.Equal(["HEL", "HWH"], reception.DirectedTo.Select(p => p.CrossingPoint.Code));
        Assert.Contains("only air and sea crossing points", reception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Vulnerability.Disabled)]
    [InlineData(Vulnerability.Vulnerable)]
    [InlineData(Vulnerability.SeriousHarmRisk)]
    public void WhereTheActStopsReceipt_TheExemptCategoriesAreStillReceived(Vulnerability vulnerability)
    {
        // Act on Temporary Measures to Combat Instrumentalised Migration (2024): children, disabled people, others
        // particularly vulnerable and anyone at real risk of serious harm are received.
        var border = Border(Closed("VAA", restricted: true), OpenReceiving("VAR"), OpenReceiving("SAL"));

        var exempt = AsylumReception.Decide(border, "VAA", Day, Person(default, false, vulnerability));
        var other = AsylumReception.Decide(border, "VAA", Day, Person());

        Assert.True(exempt.Received);
        Assert.Equal(vulnerability, exempt.Exemption);
        Assert.Contains("the Act exempts", exempt.Message, StringComparison.Ordinal);
        Assert.False(other.Received);
        Assert.Contains("none of its exempt categories", other.Message, StringComparison.Ordinal);
        Assert.Equal(["VAR", "SAL"], other.DirectedTo.Select(p => p.CrossingPoint.Code));
    }

    [Fact]
    public void WhereTheActStopsReceipt_AChildByBirthDate_IsReceivedAsAChild()
    {
        var border = Border(Closed("VAA", restricted: true), OpenReceiving("VAR"));

        var reception = AsylumReception.Decide(border, "VAA", Day, Person(PartialDate.FromDate(new LocalDate(2010, 5, 5))));

        Assert.True(reception.Received);
        Assert.Equal(Vulnerability.Child, reception.Exemption);
    }

    [Theory]
    [InlineData("2005-11-21", "2023-11-20", true)] // 18th birthday tomorrow: still 17
    [InlineData("2005-11-20", "2023-11-20", false)] // 18th birthday today: an adult
    [InlineData("2005", "2023-11-20", true)] // turns 18 some time in 2023: the benefit of the doubt
    [InlineData("2004", "2023-01-01", false)] // 19 some time in 2023: at least 18 already
    [InlineData("", "2023-11-20", false)] // nothing stated and nothing marked
    public void IsChildOn_CountsFromTheStatedBirthDate(string birth, string on, bool expected)
    {
        var child = Person(PartialDate.Parse(birth)).IsChildOn(NodaTime.Text.LocalDatePattern.Iso.Parse(on).Value);

        Assert.Equal(expected, child);
    }

    [Fact]
    public void AnUnaccompaniedMinor_IsAChild_WhateverTheStatedBirthDate()
    {
        Assert.True(Person(PartialDate.FromYear(1990), unaccompanied: true).IsChildOn(new LocalDate(2023, 11, 20)));
    }

    [Fact]
    public void Handover_MovesOnlyForward()
    {
        (HandoverStatus, HandoverStatus)[] allowed =
        [
            (HandoverStatus.Registered, HandoverStatus.HandedOver),
            (HandoverStatus.Registered, HandoverStatus.Withdrawn),
            (HandoverStatus.Registered, HandoverStatus.LeftBeforeHandover),
            (HandoverStatus.HandedOver, HandoverStatus.Received),
            (HandoverStatus.HandedOver, HandoverStatus.Withdrawn),
        ];
        foreach (var from in Enum.GetValues<HandoverStatus>())
        {
            foreach (var to in Enum.GetValues<HandoverStatus>())
            {
                Assert.Equal(allowed.Contains((from, to)), Handover.CanMove(from, to));
            }
        }

        Assert.All([HandoverStatus.Received, HandoverStatus.Withdrawn, HandoverStatus.LeftBeforeHandover, HandoverStatus.DirectedElsewhere], s => Assert.Empty(Handover.Next(s)));
    }

    [Theory]
    [InlineData("2026-01-16T00:00", "2026-02-16T00:00", null)] // one calendar month exactly
    [InlineData("2026-01-31T00:00", "2026-02-28T00:00", null)] // 31 January + 1 month = 28 February
    [InlineData("2026-01-16T00:00", "2026-02-16T00:01", "effects[0].until")]
    [InlineData("2026-01-16T00:00", null, "effects[0].until")]
    public void TheActsRestriction_LastsAtMostOneMonthAtATime(string from, string? until, string? problemField)
    {
        var start = LocalDateTimeAt(from);
        var effect = new DecisionEffect("VAA", CrossingPointState.Closed, Traffic.Passengers | Traffic.Goods, start, until is null ? null : LocalDateTimeAt(until), false, null, AsylumRestricted: true);
        var decision = new Decision(2, new LocalDate(2026, 1, 15), "Receipt stopped", "", null, [], [effect]);

        var problems = DecisionRules.Check(decision, BorderTimeline.Build([Vaalimaa], []), null);

        Assert.Equal(problemField, problems.SingleOrDefault()?.Field);
    }

    [Fact]
    public void TheActsRestriction_CannotAlsoSayApplicationsAreReceived()
    {
        var effect = new DecisionEffect("VAA", CrossingPointState.Closed, Traffic.Passengers, At(2026, 1, 16, 0), At(2026, 2, 1, 0), true, null, AsylumRestricted: true);
        var problems = DecisionRules.Check(new Decision(2, new LocalDate(2026, 1, 15), "Receipt stopped", "", null, [], [effect]), BorderTimeline.Build([Vaalimaa], []), null);

        Assert.Equal("effects[0].receivesAsylumApplications", Assert.Single(problems).Field);
    }

    private static Instant LocalDateTimeAt(string text) =>
        NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Parse(text).Value.InZoneStrictly(Helsinki).ToInstant();
}
