fn main() {
    rapport::run();
}
