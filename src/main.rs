// The library is where the dependencies are used (and checked by the lint); this binary
// only starts it, so every dependency would look unused here.
#![allow(unused_crate_dependencies)]

fn main() {
    rapport::run();
}
