using LogViewer.Core.Model;
using LogViewer.Core.Rules;

namespace LogViewer.Tui.Alerts;

/// <summary>A new line that an alert rule's pattern matched, as the ingest side found it.</summary>
internal sealed record AlertMatch(RulePattern Pattern, LogEntry Entry);
