using NodaTime;
using Vartio.Domain.Problems;
using Vartio.Domain.Text;

namespace Vartio.Checks;

/// <summary>
/// The rule for records made after the fact (a paper fallback while the system was down), shared by the
/// border check and asylum registration: a record happens now, give or take the booth's clock; one made
/// earlier needs a reason and may be at most <see cref="CheckOptions.LateRecordingDays"/> old.
/// </summary>
public static class LateRecording
{
    public const int MaxReasonLength = 500;

    /// <summary>The reason as stored (trimmed; null when blank), or null with a problem on <c>lateReason</c>.</summary>
    public static string? ReadReason(string? text, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var reason = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (reason is null)
        {
            return null;
        }

        if (StoredText.Fault(reason) is { } fault)
        {
            problems.Add(new Problem("lateReason", fault));
            return null;
        }

        if (reason.Length > MaxReasonLength)
        {
            problems.Add(new Problem("lateReason", $"Keep it to {MaxReasonLength} characters."));
            return null;
        }

        return reason;
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
