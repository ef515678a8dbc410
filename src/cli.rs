//! Command-line interface: the clap definitions of every subcommand (help text in Chinese).

use clap::{ArgMatches, Args, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;

/// 讲话稿起草工具：根据 TOML 要素文件生成领导讲话稿（Markdown / Word）。
/// Drafts Chinese leadership speeches from a TOML spec.
#[derive(Debug, Parser)]
#[command(name = "jianghua", version, about, long_about = None)]
#[command(
    after_help = "示例：\n  jianghua new review -o my.toml\n  jianghua render my.toml\n  jianghua render my.toml -o speech.docx\n  jianghua render my.toml -f md,docx --profile reading\n  jianghua templates\n  jianghua profiles"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// A subcommand with its arguments.
#[derive(Debug)]
pub enum Command {
    Render(RenderArgs),
    New(NewArgs),
    Templates(TemplatesArgs),
    Profiles(ProfilesArgs),
    Mine(MineArgs),
    Serve(ServeArgs),
    Check(CheckArgs),
}

/// One subcommand: its name, its line in `jianghua --help`, how its arguments are added and
/// how they are read back.
struct Sub {
    name: &'static str,
    about: &'static str,
    add_args: fn(clap::Command) -> clap::Command,
    read: fn(&ArgMatches) -> Result<Command, clap::Error>,
}

/// A subcommand's arguments added to its (so far empty) command, in Chinese.
fn add<A: Args>(cmd: clap::Command) -> clap::Command {
    localize(A::augment_args(cmd))
}

/// Every subcommand. The arguments are added only to the subcommand being run
/// (`clap::Command::defer`): building every subcommand took about a tenth of a one-speech
/// render.
const SUBCOMMANDS: &[Sub] = &[
    Sub {
        name: "render",
        about: "根据要素文件生成讲话稿 (render specs into drafts)",
        add_args: add::<RenderArgs>,
        read: |m| Ok(Command::Render(RenderArgs::from_arg_matches(m)?)),
    },
    Sub {
        name: "new",
        about: "生成某类讲话的要素文件样板，每个字段都有中文注释 (scaffold a spec)",
        add_args: add::<NewArgs>,
        read: |m| Ok(Command::New(NewArgs::from_arg_matches(m)?)),
    },
    Sub {
        name: "templates",
        about: "列出可用的讲话类型（模板） (list speech templates)",
        add_args: add::<TemplatesArgs>,
        read: |m| Ok(Command::Templates(TemplatesArgs::from_arg_matches(m)?)),
    },
    Sub {
        name: "profiles",
        about: "列出 Word 版式，或导出一个版式文件供修改 (list or eject layout profiles)",
        add_args: add::<ProfilesArgs>,
        read: |m| Ok(Command::Profiles(ProfilesArgs::from_arg_matches(m)?)),
    },
    Sub {
        name: "mine",
        about: "从范文（.txt/.md/.docx）提取要素文件、提纲、模板或语料统计 (mine sample speeches)",
        add_args: add::<MineArgs>,
        read: |m| Ok(Command::Mine(MineArgs::from_arg_matches(m)?)),
    },
    Sub {
        name: "serve",
        about: "打开本地网页编辑器：左边写要素文件，右边看排好的 A4 页面 (local web editor)",
        add_args: add::<ServeArgs>,
        read: |m| Ok(Command::Serve(ServeArgs::from_arg_matches(m)?)),
    },
    Sub {
        name: "check",
        about: "检查讲话稿（.md/.txt/.docx/要素文件）中的占位符、计数、编号、标点和时长 (check drafts)",
        add_args: add::<CheckArgs>,
        read: |m| Ok(Command::Check(CheckArgs::from_arg_matches(m)?)),
    },
];

impl Subcommand for Command {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        SUBCOMMANDS.iter().fold(cmd, |cmd, sub| {
            cmd.subcommand(
                clap::Command::new(sub.name)
                    .about(sub.about)
                    .defer(sub.add_args),
            )
        })
    }

    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_subcommands(cmd)
    }

    fn has_subcommand(name: &str) -> bool {
        SUBCOMMANDS.iter().any(|sub| sub.name == name)
    }
}

impl FromArgMatches for Command {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        use clap::error::ErrorKind;
        let Some((name, args)) = matches.subcommand() else {
            return Err(clap::Error::new(ErrorKind::MissingSubcommand));
        };
        match SUBCOMMANDS.iter().find(|sub| sub.name == name) {
            Some(sub) => (sub.read)(args),
            None => Err(clap::Error::new(ErrorKind::InvalidSubcommand)),
        }
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// 要素文件（.toml），可以一次给多个
    #[arg(required = true, value_name = "SPEC")]
    pub specs: Vec<PathBuf>,
    /// 输出文件；`-` 表示输出到屏幕。不给时写在要素文件旁边
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 输出格式：md、docx、html（可打印的 A4 分页网页），或 md,docx 同时输出。默认按 -o 的扩展名，否则为 md
    #[arg(short, long, value_name = "FORMAT", value_delimiter = ',')]
    pub format: Vec<String>,
    /// 批量输出目录：每个要素文件生成同名的 .md/.docx
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// 自定义模板目录，其中的文件覆盖同名内置模板
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Word 版式：official（公文格式，默认）、reading（念稿版）、windows（用 Windows 自带的仿宋/楷体/黑体/宋体），或自己的版式文件路径
    #[arg(long, value_name = "NAME|FILE")]
    pub profile: Option<String>,
    /// 输出文件是只读的也覆盖它
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ProfilesArgs {
    /// 把这个内置版式导出为文件，改好后用 --profile 文件名 使用
    #[arg(long, value_name = "NAME")]
    pub eject: Option<String>,
    /// 导出到哪个文件；不给时为 <版式名>.toml，`-` 表示输出到屏幕
    #[arg(short, long, value_name = "FILE", requires = "eject")]
    pub output: Option<PathBuf>,
    /// 目标文件已存在时覆盖它
    #[arg(long, requires = "eject")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// 讲话类型，如 review、promotion、regular、mobilization、article
    #[arg(value_name = "TYPE")]
    pub kind: String,
    /// 写到哪个文件；不给时为 <类型>.toml，`-` 表示输出到屏幕
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 目标文件已存在时覆盖它
    #[arg(long)]
    pub force: bool,
    /// 自定义讲话类型所在的模板目录
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "示例：\n  jianghua templates\n  jianghua templates show review\n  jianghua templates eject review -o templates\n  jianghua templates check templates"
)]
pub struct TemplatesArgs {
    /// 同时列出这个目录中的自定义模板
    #[arg(long, value_name = "DIR", global = true)]
    pub templates: Option<PathBuf>,
    #[command(subcommand)]
    pub action: Option<TemplatesAction>,
}

// What `jianghua templates` does besides listing (a `///` line here would become the help
// text of `jianghua templates`).
#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// 显示一个模板的全文：默认设置、套话的几种说法、可改写的块 (print a template)
    Show {
        /// 讲话类型名，如 review
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// 把模板复制出来供修改，已有的文件不覆盖 (write editable copies)
    Eject {
        /// 讲话类型名，可写多个
        #[arg(value_name = "NAME", required_unless_present = "all")]
        names: Vec<String>,
        /// 导出全部内置模板
        #[arg(long, conflicts_with = "names")]
        all: bool,
        /// 写到哪个目录；默认 templates（要素文件旁的这个目录会被自动使用）
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// 目标文件已存在时覆盖它
        #[arg(long)]
        force: bool,
    },
    /// 检查模板：编译并用覆盖各分支的要素文件试排，报告错误的位置 (check templates)
    Check {
        /// 模板目录；不给时检查内置模板
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// What `jianghua mine` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MineFormat {
    /// 每篇讲话一个要素文件（.toml）
    Spec,
    /// 在屏幕上列出结构提纲（层级、编号形式、开头几个字）
    Outline,
    /// 在屏幕上输出 JSON 格式的文档结构
    Json,
    /// 每篇讲话一个模板（.hbs）和使用它的要素文件（.toml）
    Template,
}

#[derive(Debug, Args)]
#[command(
    after_help = "示例：\n  jianghua mine 范文.txt --out-dir specs\n  jianghua mine 范文.docx --format outline\n  jianghua mine --stats 范文目录"
)]
pub struct MineArgs {
    /// 范文文件：.txt、.md（UTF-8、UTF-16 或 GBK/GB18030 编码）或 .docx
    #[arg(value_name = "FILE", required_unless_present = "stats")]
    pub files: Vec<PathBuf>,
    /// 输出目录（不给时为当前目录）
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// 输出内容：spec（要素文件，默认）、outline（提纲）、json、template（模板）
    #[arg(
        short,
        long,
        value_enum,
        default_value = "spec",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: MineFormat,
    /// 统计整个目录的范文：讲话类型、各层编号、列举方式、过渡句和结尾用语、占位符
    #[arg(long, value_name = "DIR", conflicts_with = "files")]
    pub stats: Option<PathBuf>,
    /// 输出文件已存在时覆盖它（不加时一个文件也不写）
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "示例：\n  jianghua serve\n  jianghua serve 讲话稿 --port 8080 --open")]
pub struct ServeArgs {
    /// 存放要素文件的目录（不给时为当前目录）；只读写其中的 .toml 和 .hbs 文件
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// 端口；不给时自动选一个空闲端口。只监听本机（127.0.0.1）
    #[arg(long, value_name = "PORT")]
    pub port: Option<u16>,
    /// 启动后用系统浏览器打开
    #[arg(long)]
    pub open: bool,
}

/// How `jianghua check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// 每条一行：文件:行:列: 级别 [规则] 说明
    Text,
    /// JSON 数组
    Json,
}

#[derive(Debug, Args)]
#[command(
    after_help = "规则：placeholder 占位符、count-mismatch 计数不符、liang 二/两、numbering-gap 编号跳号、\nnumbering-order 编号层级、enumeration-gap 列举缺项、half-width 半角标点、double-punct 标点重复、\nunbalanced 引号括号不成对、length 时长。\n行号从 1 开始，列号按字符计；.docx 的“行”是段落序号；要素文件先渲染，问题指向相应字段。\n退出码：0 没有错误，1 有错误，2 有文件无法读取。\n\n示例：\n  jianghua check 讲话稿.md\n  jianghua check 讲话稿.docx --minutes 20\n  jianghua check 讲话稿.txt --fix\n  jianghua check 要素文件.toml --format json"
)]
pub struct CheckArgs {
    /// 要检查的文件：.md、.txt（UTF-8、UTF-16 或 GBK/GB18030）、.docx 或要素文件 .toml
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// 输出格式：text（默认）或 json
    #[arg(
        long,
        value_enum,
        default_value = "text",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: CheckFormat,
    /// 自动改正半角标点、重复标点和“二点”等（只改 .md 和 .txt，原编码写回）
    #[arg(long)]
    pub fix: bool,
    /// 语速：每分钟字数，默认 220
    #[arg(long, value_name = "字数", default_value_t = crate::check::DEFAULT_RATE, hide_default_value = true)]
    pub rate: f64,
    /// 预定的讲话时长（分钟）；给出时检查篇幅是否相符
    #[arg(long, value_name = "分钟")]
    pub minutes: Option<f64>,
}

/// Help layout with Chinese headings (clap's own are English).
const HELP_TEMPLATE: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// The command line with every built-in text clap adds (headings, `--help`, `--version`)
/// in Chinese. A subcommand's arguments are added when it is run (see `SUBCOMMANDS`).
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let cmd = Cli::command()
        .disable_help_subcommand(true)
        .disable_version_flag(true);
    // the subcommands get theirs when their arguments are added
    localize_own(cmd).arg(
        clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help("显示版本号")
            .help_heading("选项")
            .display_order(usize::MAX),
    )
}

/// Chinese headings and help flag for a command with its arguments and its subcommands.
fn localize(cmd: clap::Command) -> clap::Command {
    localize_own(cmd).mut_subcommands(localize)
}

/// Chinese headings and help flag for a command with its arguments.
fn localize_own(cmd: clap::Command) -> clap::Command {
    cmd.help_template(HELP_TEMPLATE)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("显示帮助")
                // last, after arguments a parent adds with `global = true`
                .display_order(usize::MAX),
        )
        .mut_args(|arg| {
            if arg.is_positional() {
                arg.help_heading("参数")
            } else {
                arg.help_heading("选项")
            }
        })
}

/// A clap parse error in Chinese, with the usage line and `--help` pointer (clap's own text is
/// English). Help and version requests are not errors and are rendered by clap.
pub fn error_text(err: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |kind: ContextKind| -> Option<String> {
        match err.get(kind)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(v) => Some(v.join("、")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::StyledStrs(v) => Some(
                v.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("、"),
            ),
            ContextValue::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let suggestion = get(ContextKind::SuggestedArg)
        .or_else(|| get(ContextKind::SuggestedSubcommand))
        .or_else(|| get(ContextKind::SuggestedValue))
        .map(|s| format!("是不是想写 {s}？"))
        .unwrap_or_default();
    let mut text = match err.kind() {
        ErrorKind::UnknownArgument => {
            format!("不认识的选项 “{arg}”。{suggestion}")
        }
        ErrorKind::InvalidSubcommand => {
            let sub = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!(
                "没有名为 “{sub}” 的命令。{suggestion}可用的命令：render、new、templates、profiles、mine"
            )
        }
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue)
                .filter(|v| !v.is_empty())
                .map(|v| format!("可用的取值：{v}"))
                .unwrap_or_default();
            if value.is_empty() {
                format!("{arg} 后面缺少取值。{valid}")
            } else {
                format!("{arg} 的取值 “{value}” 不对。{suggestion}{valid}")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            format!("缺少必需的参数：{arg}")
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "缺少命令：可用的命令有 render、new、templates、profiles、mine".to_string()
        }
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg).unwrap_or_default();
            format!("{arg} 和 {prior} 不能同时使用")
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!(
                "多余的参数 “{}”",
                if value.is_empty() { &arg } else { &value }
            )
        }
        ErrorKind::TooFewValues => format!("{arg} 后面的取值太少"),
        ErrorKind::NoEquals => format!("{arg} 的取值要用等号连接，如 {arg}=值"),
        ErrorKind::ValueValidation => format!("{arg} 的取值 “{value}” 不对"),
        ErrorKind::InvalidUtf8 => "参数中有无效的字符（不是 UTF-8）".to_string(),
        _ => format!("命令行参数有误（{}）", err.kind()),
    };
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.trim().trim_start_matches("Usage:").trim().to_string();
        text.push_str(&format!("\n\n用法：{usage}"));
    }
    text.push_str(
        "\n\n查看帮助：jianghua --help（或某个命令后加 --help，如 jianghua render --help）",
    );
    text
}
