package dev.keywarden;

public final class Main {
    public static void main(String[] args) {
    }
}
