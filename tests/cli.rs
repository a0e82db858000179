//! The examples as a user runs them: bad arguments and bad data give one
//! line on standard error and a non-zero exit, never a panic.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// An example binary; `cargo test` builds them beside the test binary.
fn example(name: &str) -> Command {
    let mut dir = std::env::current_exe().expect("the test binary has a path");
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    Command::new(dir.join("examples").join(name))
}

fn run(name: &str, args: &[&str]) -> Output {
    example(name)
        .args(args)
        .output()
        .expect("the example binary exists: plain `cargo test` builds the examples first")
}

fn bad_data(file: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad_data")
        .join(file)
        .display()
        .to_string()
}

/// Asserts a failure with `code` and a single stderr line containing `words`.
fn fails_in_one_line(output: &Output, code: i32, words: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(code), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(words), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn main_command_prints_both_camps_their_backers_and_foes() {
    let output = run("alliance_chains", &[]);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    for expected in [
        "Camp of HTS-led rebel coalition",
        // Its principal is the member with the most fighting.
        "Camp of Syrian Arab Army",
        // Turkey backs the opposition at large, to which the coalition belongs.
        "    Turkey backs Syrian opposition (… to now)",
        "Turkey, which supports the rebels",
        // A chain of support, each hop with its quote.
        "    Iran -[backs]-> Hezbollah -[backs]-> Syrian government",
        "\"Lebanon’s Iran-backed Hezbollah\"",
        "  fighting\n",
        "Hayat Tahrir al-Sham competes with Syrian National Army",
    ] {
        assert!(stdout.contains(expected), "{expected}\n{stdout}");
    }
    // No think tank with its staff, and no state "led" by its government.
    assert!(!stdout.contains("Camp of New Lines Institute"), "{stdout}");
    assert!(!stdout.contains("-[leads]-> Syria\n"), "{stdout}");
    assert_eq!(stdout.matches("\nCamp of ").count(), 2, "{stdout}");
}

#[test]
fn main_command_flags_give_the_rest() {
    let output = run("alliance_chains", &["--all", "--outsiders"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("Camp of New Lines Institute"), "{stdout}");
    let output = run("alliance_chains", &["--from", "Iran", "--to", "SAA"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("Iran backs Syrian Arab Army"), "{stdout}");
    assert!(stdout.contains("3 chain(s)."), "{stdout}");
}

/// `--signed-camps` adds the signed partition after the camps, beside
/// them, and changes nothing before it.
#[test]
fn main_command_offers_the_signed_camps_beside_its_own() {
    let plain = run("alliance_chains", &[]);
    let output = run("alliance_chains", &["--signed-camps"]);
    assert!(output.status.success());
    let (plain, stdout) = (
        String::from_utf8_lossy(&plain.stdout),
        String::from_utf8_lossy(&output.stdout),
    );
    let footer = "\n2 camp(s); more with";
    let (camps, rest) = stdout.split_once(footer).expect("the footer");
    let (plain_camps, plain_rest) = plain.split_once(footer).expect("the footer");
    assert!(camps.starts_with(plain_camps), "{stdout}");
    assert_eq!(rest, plain_rest);
    for expected in [
        "\nSigned camps (1 frustrated, exact):\n",
        "  signed camp 1 (20): Syria, Russia, Iran, United States, Syrian government,",
        "  signed camp 2 (10): Turkey, Self-proclaimed government in Idlib, Hayat Tahrir al-Sham,",
        "    frustrated\n      Hayat Tahrir al-Sham competes with Syrian National Army",
        "  apart (no tie to the camps): Israel, Israeli army; Islamic State, Abu Bakr al-Baghdadi\n",
        "  Camp of HTS-led rebel coalition: 4 of 4 in signed camp 2\n",
        "  Camp of Syrian Arab Army: 10 of 10 in signed camp 1\n",
    ] {
        assert!(camps.contains(expected), "{expected}\n{stdout}");
    }
    // Nothing signed known: said in one line, not left out.
    let output = run(
        "alliance_chains",
        &["--signed-camps", "--known-by", "1900-01-01"],
    );
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("\nSigned camps: no signed relations on 2024-11-30\n"),
        "{stdout}"
    );
}

#[test]
fn invalid_date_argument() {
    fails_in_one_line(
        &run("who_backs_whom", &["--as-of", "2024-02-30"]),
        2,
        "invalid date",
    );
}

#[test]
fn unknown_flag() {
    fails_in_one_line(&run("changes", &["--frm", "2024-11-26"]), 2, "--frm");
}

#[test]
fn unknown_relation_kind_argument() {
    fails_in_one_line(
        &run("export_dot", &["--kinds", "backs,adores"]),
        2,
        "adores",
    );
}

#[test]
fn unknown_actor_argument() {
    // "Hayat Tahrir" now resolves, as part of one name; a near miss does not.
    fails_in_one_line(
        &run("timeline", &["Hayat Tahrir al-Shan"]),
        1,
        "did you mean",
    );
}

#[test]
fn bad_data_file() {
    let output = run("who_backs_whom", &["--data", &bad_data("unknown_ids.ron")]);
    fails_in_one_line(&output, 1, "unknown actor \"iram\"");
    let output = run("alliance_chains", &["--data", &bad_data("feb_29_2023.ron")]);
    fails_in_one_line(&output, 1, "line 8");
    let output = run("export_dot", &["--data", "/no/such/file.ron"]);
    fails_in_one_line(&output, 1, "/no/such/file.ron");
}

#[test]
fn a_refused_addition_is_one_line() {
    let extra = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/extra_data/conflicting.ron");
    let output = run("who_backs_whom", &["--add", &extra.display().to_string()]);
    fails_in_one_line(&output, 1, "duplicate actor id \"iran\"");
}

#[test]
fn a_reader_closing_the_pipe_early_is_not_a_panic() {
    let mut child = example("alliance_chains")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("the example ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn lineage_flags_show_predecessors_and_say_which_links_merged_them() {
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/lineage_example.ron")
        .display()
        .to_string();
    let data = ["--data", fixture.as_str()];
    let text = |output: Output| {
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).expect("UTF-8 output")
    };
    let plain = text(run("timeline", &["crimson_movement", data[0], data[1]]));
    assert!(
        plain.contains(
            "succession: Crimson Movement succeeds Red Front (on 2034) [predecessor, 1 away]"
        ),
        "{plain}"
    );
    assert!(!plain.contains("(of Blue Brigade)"), "{plain}");
    let wide = text(run(
        "timeline",
        &["crimson_movement", "--with-lineage", data[0], data[1]],
    ));
    assert!(
        wide.contains("(of Blue Brigade) begins: Patron State backs Blue Brigade"),
        "{wide}"
    );
    let day = ["--as-of", "2036-01-01"];
    let camps = text(run("alliance_chains", &[data[0], data[1], day[0], day[1]]));
    assert!(!camps.contains("Crimson Movement"), "{camps}");
    let merged = text(run(
        "alliance_chains",
        &[data[0], data[1], day[0], day[1], "--merge-lineage"],
    ));
    assert!(
        merged.contains(
            "Camp of Red Front (4): Red Party, Red Front, Blue Brigade, Crimson Movement"
        ),
        "{merged}"
    );
    assert!(
        merged.contains("one with its predecessors by lineage"),
        "{merged}"
    );
    let chains = text(run(
        "alliance_chains",
        &[
            data[0],
            data[1],
            day[0],
            day[1],
            "--to",
            "crimson_movement",
            "--merge-lineage",
        ],
    ));
    assert!(
        chains.contains("taken as one by lineage: Blue Brigade merged into Red Front"),
        "{chains}"
    );
}
