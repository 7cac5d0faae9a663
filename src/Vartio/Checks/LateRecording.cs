using System.Security.Claims;
using NodaTime;
using Vartio.CrossingPoints;
using Vartio.Domain.CrossingPoints;
using Vartio.Domain.Problems;
using Vartio.Domain.Text;
using Vartio.Hosting;

namespace Vartio.Checks;

/// <summary>
/// The rule for records made after the fact (a paper fallback while the system was down), shared by the
/// border check and asylum registration: a record happens now, give or take the booth's clock; one made
/// earlier needs a reason and may be at most <see cref="CheckOptions.LateRecordingDays"/> old.
/// </summary>
public static class LateRecording
{
    public const int MaxReasonLength = 500;

    /// <summary>
    /// Where and when a record happened, as a booth's request gives them: the crossing point's code (upper case),
    /// the instant when given, and the reason it is recorded late; each problem names its field.
    /// </summary>
    public static (string? CrossingPoint, Instant? At, string? LateReason) ReadWhereAndWhen(string? crossingPoint, string? at, string? lateReason, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var code = crossingPoint?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            problems.Add(new Problem("crossingPoint", "Give the crossing point's code, for example VAA."));
        }

        Instant? instant = null;
        if (at is not null)
        {
            if (TimeInput.TryReadInstant(at, out var read, out var error))
            {
                instant = read;
            }
            else
            {
                problems.Add(new Problem("at", error));
            }
        }

        return (code, instant, ReadReason(lateReason, problems));
    }

    /// <summary>
    /// What stops a record at a crossing point before anything is written: an unknown crossing point (404), one the
    /// officer is not assigned to (403), an instant the late-recording rule refuses (400); null when nothing does.
    /// </summary>
    /// <param name="record">What is recorded, for the messages: "check", "registration".</param>
    /// <param name="work">What the officer does, for the messages: "record checks", "register applications".</param>
    public static CheckRefusal? Refusal(BorderTimeline timeline, ClaimsPrincipal user, string crossingPoint, Instant? at, string? lateReason, Instant now, CheckOptions options, string record, string work, string title)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        if (!timeline.Contains(crossingPoint))
        {
            return CheckRefusal.Invalid([new Problem("crossingPoint", $"There is no crossing point {crossingPoint}.")], StatusCodes.Status404NotFound, "No such crossing point");
        }

        if (!StationScope.Allows(user, crossingPoint))
        {
            return new CheckRefusal(
                StatusCodes.Status403Forbidden,
                "Not your crossing point",
                $"You may {work} only at the crossing points you are assigned to, and {crossingPoint} is not one of them.",
                []);
        }

        return Check(at, lateReason, now, options, record) is { } problem ? CheckRefusal.Invalid([problem], title: title) : null;
    }

    /// <summary>The reason as stored (trimmed; null when blank), or null with a problem on <c>lateReason</c>.</summary>
    public static string? ReadReason(string? text, List<Problem> problems) => ReadText(text, "lateReason", MaxReasonLength, problems);

    /// <summary>An optional free text of a request as stored (trimmed; null when blank), or null with a problem on <paramref name="field"/>.</summary>
    public static string? ReadText(string? text, string field, int maxLength, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed is null)
        {
            return null;
        }

        if (StoredText.Fault(trimmed) is { } fault)
        {
            problems.Add(new Problem(field, fault));
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            problems.Add(new Problem(field, $"Keep it to {maxLength} characters."));
            return null;
        }

        return trimmed;
    }

    /// <summary>What is wrong with the instant and reason of a record made at <paramref name="now"/>; null when nothing.</summary>
    /// <param name="record">What is recorded, for the messages: "check", "registration".</param>
    public static Problem? Check(Instant? at, string? lateReason, Instant now, CheckOptions options, string record)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (at is not { } instant)
        {
            return lateReason is null ? null : new Problem("at", $"A {record} recorded late needs the instant it happened in 'at'.");
        }

        if (instant > now + CheckOptions.ClockTolerance)
        {
            return new Problem("at", $"The {record}'s instant is in the future.");
        }

        if (instant < now - Duration.FromDays(options.LateRecordingDays))
        {
            return new Problem("at", $"A {record} may be recorded at most {options.LateRecordingDays} days after it happened (Checks:LateRecordingDays).");
        }

        return instant < now - CheckOptions.ClockTolerance && lateReason is null
            ? new Problem("lateReason", $"A {record} recorded after it happened needs a reason (for example, the system was unavailable and it was recorded on paper).")
            : null;
    }
}
