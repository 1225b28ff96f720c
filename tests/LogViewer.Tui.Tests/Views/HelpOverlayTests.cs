using LogViewer.Tui.Alerts;
using LogViewer.Tui.Rules;
using LogViewer.Tui.Viewer;
using LogViewer.Tui.Views;

namespace LogViewer.Tui.Tests.Views;

public sealed class HelpOverlayTests
{
    [Fact]
    public void At_80_Columns_The_Keys_Fit_Two_Columns_And_The_Panel_Keys_Smartcase_And_Rule_Commands_Follow()
    {
        // 80 columns less the overlay's border
        var rows = HelpOverlay.RowsFor(78);
        var keyRows = (KeyTable.Commands.Count + 1) / 2;

        Assert.Contains("next entry", rows[0], StringComparison.Ordinal);
        Assert.Contains(KeyTable.Commands[keyRows].Description, rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains("smartcase", StringComparison.Ordinal));
        Assert.All(RulePanelKeys.Commands, c => Assert.Contains(rows, r => r.Contains(c.Description, StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.StartsWith(":filter-out", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith(":clear-filters", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith(":alert TEXT", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith(":alerts", StringComparison.Ordinal));
        Assert.All(AlertListKeys.Commands, c => Assert.Contains(rows, r => r.Contains(c.Description, StringComparison.Ordinal)));
    }
}
