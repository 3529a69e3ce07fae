// The report command's help, apart from the command so `plantintel --help` loads nothing else.
export const REPORT_USAGE = `plantintel report <analysis|oee|inspection|alarms> --out <file.pdf> [--tenant <name or id>]
                  [--facility <code or id>] [--from <YYYY-MM-DD>] [--to <YYYY-MM-DD>] [--analysis <id>]

Writes a PDF report, the same as the web app's download:
  analysis    an analysis (--analysis <id>, required): summary, narrative, top insights with their
              evidence and charts, the insights table
  oee         plant OEE for local days --from … --to (default the last 7 days): trend, losses,
              downtime Pareto, by shift, by line
  inspection  reject rate, defect Pareto, by camera and region, for UTC days --from … --to
              (default the last 30 days)
  alarms      alarms opened in UTC days --from … --to (default all): counts by severity, sensor and
              rule, time to acknowledge
--facility narrows oee and alarms to one facility. --tenant may be left out when there is one
tenant (or the demo tenant). Exit code 0 when the file was written, 2 on bad arguments.`;
