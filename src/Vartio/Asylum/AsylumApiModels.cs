using NodaTime;
using Vartio.Checks;
using Vartio.Hosting;

namespace Vartio.Asylum;

/// <summary>People asking for international protection at a crossing point, registered in one go (docs/API.md, "Asylum applications").</summary>
/// <param name="CrossingPoint">The crossing point's code; the officer must be assigned to it.</param>
/// <param name="At">When they presented themselves (ISO 8601 with offset); omitted means now. Earlier than a few minutes ago needs <paramref name="LateReason"/>, within Checks:LateRecordingDays.</param>
/// <param name="LateReason">Why the registration is recorded after the fact (a paper fallback during an outage).</param>
/// <param name="Applicants">One to 100 people, a family or a group travelling together; each becomes one application.</param>
public sealed record AsylumRegistrationRequest(
    string? CrossingPoint,
    string? At,
    string? LateReason,
    IReadOnlyList<ApplicantRequest?>? Applicants);

/// <summary>One person: with a travel document (its zone, or its fields typed in), or as they state who they are.</summary>
/// <param name="Name">As the person states it, when there is no document; any script.</param>
/// <param name="DateOfBirth">YYYY-MM-DD as stated; give <paramref name="BirthYear"/> instead when only the year (or an age) is known.</param>
/// <param name="Nationality">ICAO/ISO alpha-3 code (SYR, SOM, YEM, XXA for stateless, XXX unspecified); read from the document when omitted.</param>
/// <param name="Sex">female, male or unspecified (F, M and X are read too); read from the document when omitted.</param>
/// <param name="ArrivedBy">foot, bicycle, car, bus or other.</param>
/// <param name="Vulnerabilities">child, disabled, vulnerable (otherwise particularly vulnerable), seriousHarmRisk (at real risk of the death penalty, torture or degrading treatment).</param>
/// <param name="UnaccompaniedMinor">A child without a parent or other adult responsible for them.</param>
/// <param name="SamePersonAs">An earlier application the officer has confirmed is this same person; omitted means a new person (earlier registrations that resemble them are shown, never merged silently).</param>
public sealed record ApplicantRequest(
    DocumentRequest? Document,
    string? Name,
    string? DateOfBirth,
    int? BirthYear,
    string? Nationality,
    [property: ApiValues(ApiValueSet.Sex)] string? Sex,
    [property: ApiValues(ApiValueSet.ArrivalMeans)] string? ArrivedBy,
    [property: ApiValues(ApiValueSet.Vulnerability)] IReadOnlyList<string?>? Vulnerabilities,
    bool? UnaccompaniedMinor,
    Guid? SamePersonAs);

/// <summary>What the registration made: one application per person, in the order sent.</summary>
public sealed record AsylumRegistrationResponse(Guid GroupId, string CrossingPoint, Instant At, IReadOnlyList<AsylumApplicationResponse> Applications);

/// <summary>An application received at a crossing point, or an irregular arrival directed to where applications are received.</summary>
/// <param name="Received">Whether the application was received at this crossing point at that instant.</param>
/// <param name="Exemption">Where receipt is stopped under the 2024 Act: the exempt category the application was received under.</param>
/// <param name="DirectedTo">When not received: the crossing points receiving applications at that instant, nearest first (land crossing points; air and sea ones only when no land crossing point receives).</param>
/// <param name="Message">What the officer tells the person, in a sentence or two.</param>
/// <param name="DecisionId">The decision that governed the crossing point at that instant; null in normal operation.</param>
/// <param name="Child">Under 18, or possibly so, from what was stated.</param>
/// <param name="Person">Who the person is; null for those who see figures but not names (Analysts).</param>
/// <param name="IdentityReview">none (no earlier registration resembles this one), pending (some do: an officer links or confirms a new person), linked or confirmedNew.</param>
/// <param name="EarlierRegistrations">Earlier registrations that may be the same person; empty for Analysts.</param>
public sealed record AsylumApplicationResponse(
    Guid Id,
    Guid GroupId,
    string CrossingPoint,
    Instant At,
    Instant RecordedAt,
    string? LateReason,
    bool Received,
    [property: ApiValues(ApiValueSet.Vulnerability)] string? Exemption,
    IReadOnlyList<string> DirectedTo,
    string Message,
    int? DecisionId,
    [property: ApiValues(ApiValueSet.AsylumStatus)] string Status,
    Instant StatusAt,
    bool Documented,
    string? Nationality,
    [property: ApiValues(ApiValueSet.Sex)] string? Sex,
    [property: ApiValues(ApiValueSet.ArrivalMeans)] string? ArrivedBy,
    bool Child,
    bool UnaccompaniedMinor,
    [property: ApiValues(ApiValueSet.IdentityReview)] string IdentityReview,
    ApplicantPersonResponse? Person,
    IReadOnlyList<EarlierRegistrationResponse> EarlierRegistrations,
    IReadOnlyList<AsylumEventResponse> History);

/// <param name="PersonId">The same for every registration an officer confirmed to be this person.</param>
/// <param name="DateOfBirth">YYYY-MM-DD, YYYY when only the year is known, or null.</param>
public sealed record ApplicantPersonResponse(
    Guid PersonId,
    string Name,
    string? DateOfBirth,
    [property: ApiValues(ApiValueSet.Vulnerability)] IReadOnlyList<string> Vulnerabilities,
    ApplicantDocumentResponse? Document,
    string Officer);

public sealed record ApplicantDocumentResponse(string? Code, string Number, string IssuingState);

/// <summary>An earlier registration that may be the same person.</summary>
/// <param name="Match">document (the same travel document) or name (a similar name with the same stated birth date and nationality).</param>
/// <param name="Explanation">Why it matched: the screening matcher's explanation of the names.</param>
/// <param name="SamePerson">An officer has already confirmed it is this person.</param>
public sealed record EarlierRegistrationResponse(
    Guid Id,
    Guid PersonId,
    string Name,
    string? DateOfBirth,
    string? Nationality,
    string CrossingPoint,
    Instant At,
    [property: ApiValues(ApiValueSet.AsylumStatus)] string Status,
    string Match,
    double Score,
    string Explanation,
    bool SamePerson);

public sealed record AsylumEventResponse([property: ApiValues(ApiValueSet.AsylumStatus)] string Status, Instant At, string Actor, string? Note);

/// <summary>A list of applications or irregular arrivals, newest first.</summary>
/// <param name="Count">How many match the filters.</param>
/// <param name="Truncated">More match than were returned: narrow the period or raise <c>limit</c>.</param>
public sealed record AsylumListResponse(int Count, bool Truncated, IReadOnlyList<AsylumApplicationResponse> Applications);

/// <summary>Hand an application over to the asylum authority.</summary>
/// <param name="Note">To whom and how, for example "Finnish Immigration Service, reception centre of Joensuu, by bus".</param>
public sealed record HandoverRequest(string? Note);

/// <summary>Move an application forward: received (by the asylum authority), withdrawn, or leftBeforeHandover.</summary>
public sealed record AsylumStatusRequest([property: ApiValues(ApiValueSet.AsylumStatus)] string? Status, string? Note);

/// <summary>The officer's answer to earlier registrations that resemble this person: the same person as one of them, or a new person.</summary>
/// <param name="SamePersonAs">The earlier application that is this same person.</param>
/// <param name="NewPerson">True when none of them is this person.</param>
public sealed record AsylumIdentityRequest(Guid? SamePersonAs, bool? NewPerson);
