// The studio's page (studio/index.html) runs this binary: its own wasm, so the app's
// visitors never load the studio. The library holds it, as it holds the app.
#![allow(unused_crate_dependencies)]

fn main() {
    rapport::studio::run();
}
